using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Connectors.Unas;

public static class UnasServices
{
    /// <summary>Registers the Unas emulator, served under /sandbox when the hub maps its sandboxes. And the system's declared call budgets.</summary>
    public static IServiceCollection AddUnas(this IServiceCollection services)
    {
        // Idempotent: the integration registers it, and tests may add it again.
        if (services.Any(d => d.ServiceType == typeof(UnasSandbox))) return services;
        services.AddSingleton(UnasQuota.Declaration);
        services.AddSingleton<UnasSandbox>();
        services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<UnasSandbox>());
        return services;
    }
}
