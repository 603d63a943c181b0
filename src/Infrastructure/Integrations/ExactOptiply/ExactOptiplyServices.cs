using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Integrations.ExactOptiply;

public static class ExactOptiplyServices
{
    /// <summary>The integration, the emulators of both systems, and its demo tenant "demo-exact".</summary>
    public static IServiceCollection AddExactOptiply(this IServiceCollection services)
    {
        services.AddExactOnline();
        services.AddOptiply();
        services.AddSingleton(ExactOptiplyIntegration.Definition);
        services.AddSingleton<IDemoTenant, ExactOptiplyDemo>();
        return services;
    }
}
