using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply;

public static class GoedGepicktOptiplyServices
{
    /// <summary>The integration, the emulators of both systems, and its demo tenant "demo-goedgepickt".</summary>
    public static IServiceCollection AddGoedGepicktOptiply(this IServiceCollection services)
    {
        services.AddGoedGepickt();
        services.AddOptiply();
        services.AddSingleton(GoedGepicktOptiplyIntegration.Definition);
        services.AddSingleton<IDemoTenant, GoedGepicktOptiplyDemo>();
        return services;
    }
}
