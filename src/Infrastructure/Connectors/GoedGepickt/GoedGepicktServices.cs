using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Connectors.GoedGepickt;

public static class GoedGepicktServices
{
    /// <summary>Registers the GoedGepickt emulator, served under /sandbox/goedgepickt when the hub maps its sandboxes. And the system's declared call budgets.</summary>
    public static IServiceCollection AddGoedGepickt(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(GoedGepicktSandbox))) return services;
        services.AddSingleton(GoedGepicktQuota.Declaration);
        services.AddSingleton<GoedGepicktSandbox>();
        services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<GoedGepicktSandbox>());
        return services;
    }
}
