using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.Planfix;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

public static class MoySkladPlanfixServices
{
    /// <summary>The integration, the emulators of both systems, and its demo tenant "demo-moysklad".</summary>
    public static IServiceCollection AddMoySkladPlanfix(this IServiceCollection services)
    {
        services.AddMoySklad();
        services.AddPlanfix();
        services.AddSingleton(MoySkladPlanfixIntegration.Definition);
        return services;
    }
}
