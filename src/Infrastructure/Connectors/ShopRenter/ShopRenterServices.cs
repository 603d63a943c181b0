using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Connectors.ShopRenter;

public static class ShopRenterServices
{
    /// <summary>Registers the ShopRenter emulator, served under /sandbox when the hub maps its sandboxes. And the system's declared call budgets.</summary>
    public static IServiceCollection AddShopRenter(this IServiceCollection services)
    {
        // Idempotent: the integration registers it, and tests may add it again.
        if (services.Any(d => d.ServiceType == typeof(ShopRenterSandbox))) return services;
        services.AddSingleton(ShopRenterQuota.Declaration);
        services.AddSingleton<ShopRenterSandbox>();
        services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<ShopRenterSandbox>());
        return services;
    }
}
