using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel;

public static class OkosUgyvitelServices
{
    /// <summary>Registers the OkosUgyvitel emulator, served under /sandbox when the hub maps its sandboxes. And the system's declared call budgets.</summary>
    public static IServiceCollection AddOkosUgyvitel(this IServiceCollection services)
    {
        // Idempotent: the integration registers it, and tests may add it again.
        if (services.Any(d => d.ServiceType == typeof(OkosSandbox))) return services;
        services.AddSingleton(OkosQuota.Declaration);
        services.AddSingleton<OkosSandbox>();
        services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<OkosSandbox>());
        return services;
    }
}
