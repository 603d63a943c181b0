using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Connectors.Optiply;

public static class OptiplyServices
{
    /// <summary>Registers the Optiply emulator, served under /sandbox/optiply when the hub maps its sandboxes. And the system's declared call budgets.</summary>
    public static IServiceCollection AddOptiply(this IServiceCollection services)
    {
        // Idempotent: the hub registers it with its integration, and tests may add it again.
        if (services.Any(d => d.ServiceType == typeof(OptiplySandbox))) return services;
        services.AddSingleton(OptiplyQuota.Declaration);
        services.AddSingleton<OptiplySandbox>();
        services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<OptiplySandbox>());
        return services;
    }
}
