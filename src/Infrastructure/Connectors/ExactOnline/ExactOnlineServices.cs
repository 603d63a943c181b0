using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

public static class ExactOnlineServices
{
    /// <summary>Registers the Exact Online emulator (one instance, reachable as itself and as a sandbox system). And the system's declared call budgets.</summary>
    public static IServiceCollection AddExactOnline(this IServiceCollection services)
    {
        // Idempotent: the hub registers it with its integration, and tests may add it again.
        if (services.Any(d => d.ServiceType == typeof(ExactOnlineSandbox))) return services;
        services.AddSingleton(ExactOnlineQuota.Declaration);
        services.AddSingleton<ExactOnlineSandbox>();
        services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<ExactOnlineSandbox>());
        return services;
    }
}
