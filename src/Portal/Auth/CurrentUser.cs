using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Koppel.Portal.Auth;

/// <summary>
/// Who is using this page, for components (see <see cref="PortalPolicies"/>). Reads the circuit's authentication
/// state on every call, so a user removed or signed out elsewhere stops counting as signed in here too.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal
    {
        get
        {
            // The server's provider holds an already completed task once the request or circuit has set it;
            // before that there is no user yet, which is the same as anonymous.
            try
            {
                var state = authentication.GetAuthenticationStateAsync();
                return state.IsCompletedSuccessfully ? state.Result.User : Anonymous;
            }
            catch (InvalidOperationException)
            {
                return Anonymous;
            }
        }
    }

    public bool IsSignedIn => Principal.IsSignedIn();

    public bool IsSupport => Principal.IsSupport();

    /// <summary>The customer's tenant; null for support staff.</summary>
    public string? TenantSlug => Principal.TenantSlug();

    public string? Email => IsSignedIn ? Principal.Identity?.Name : null;

    public bool CanSee(string? tenantSlug) => Principal.CanSee(tenantSlug);
}
