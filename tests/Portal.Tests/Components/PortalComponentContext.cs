using Bunit;
using Koppel.Infrastructure.Persistence;
using Koppel.Portal.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Components;

/// <summary>
/// bUnit context for the portal's components: MudBlazor's services, a signed-in support user, and every other
/// service from the real portal (its own SQLite file), so components read and write the way they do in the app.
/// </summary>
public abstract class PortalComponentContext : MudComponentContext
{
    protected PortalComponentContext()
    {
        Host = new ApiHost();
        // A scope of the portal's container stands for the circuit: scoped services resolve as they do in the app.
        scope = Host.Services.CreateScope();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        // The signed-in user comes from bUnit's authentication, not from the app's (anonymous) request state.
        Services.AddScoped<CurrentUser>();
        var auth = AddAuthorization();
        auth.SetAuthorized(ApiHost.SupportEmail);
        auth.SetRoles(Roles.Support);
    }

    private readonly IServiceScope scope;

    protected ApiHost Host { get; }

    protected T Service<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        scope.Dispose();
        Host.Dispose();
    }
}
