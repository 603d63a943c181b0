using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Connectors.Planfix;

public static class PlanfixServices
{
    /// <summary>Registers the Planfix emulator, served under /sandbox/planfix when the hub maps its sandboxes. And the system's declared call budgets.</summary>
    public static IServiceCollection AddPlanfix(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(PlanfixSandbox))) return services;
        services.AddSingleton(PlanfixQuota.Declaration);
        services.AddSingleton<PlanfixSandbox>();
        services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<PlanfixSandbox>());
        return services;
    }
}
