using Koppel.Infrastructure.Sandbox;
using Koppel.Portal.Api;

namespace Koppel.Portal;

public static class SandboxEndpoints
{
    /// <summary>Maps the emulators when <see cref="SandboxOptions.Enabled"/>; their control API takes an all-tenant admin key.</summary>
    public static IEndpointRouteBuilder MapSandboxes(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<SandboxOptions>().Enabled) return app;
        var keys = app.ServiceProvider.GetRequiredService<ApiKeys>();
        // The emulators stand in for outside systems with their own credentials: the portal's sign-in does not apply.
        app.MapGroup("").AllowAnonymous().MapSandboxSystems(http => keys.From(http) is { AllTenants: true });
        return app;
    }
}
