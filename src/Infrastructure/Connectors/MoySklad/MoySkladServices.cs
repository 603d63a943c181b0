using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Connectors.MoySklad;

public static class MoySkladServices
{
    /// <summary>Registers the MoySklad emulator, served under /sandbox/moysklad when the hub maps its sandboxes. And the system's declared call budgets.</summary>
    public static IServiceCollection AddMoySklad(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(MoySkladSandbox))) return services;
        services.AddSingleton(MoySkladQuota.Declaration);
        services.AddSingleton<MoySkladSandbox>();
        services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<MoySkladSandbox>());
        return services;
    }
}
