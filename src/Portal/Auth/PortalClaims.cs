using System.Security.Claims;
using Koppel.Infrastructure.Persistence;

namespace Koppel.Portal.Auth;

/// <summary>The one place that decides what a signed-in portal user may see; pages, policies and the API all ask here.</summary>
public static class PortalClaims
{
    /// <summary>Claim holding the slug of the tenant a customer user is bound to.</summary>
    public const string Tenant = "koppel:tenant";

    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static bool IsSupport(this ClaimsPrincipal user) => user.IsSignedIn() && user.IsInRole(Roles.Support);

    /// <summary>The customer's own tenant; null for support staff and for a user bound to no tenant.</summary>
    public static string? TenantSlug(this ClaimsPrincipal user) =>
        user.IsSignedIn() && !user.IsSupport() && user.IsInRole(Roles.Customer) && user.FindFirstValue(Tenant) is { Length: > 0 } slug
            ? slug
            : null;

    /// <summary>Support staff see every tenant; a customer only its own (compared exactly: "Acme" is not "acme").</summary>
    public static bool CanSee(this ClaimsPrincipal user, string? tenantSlug) =>
        user.IsSupport() || (tenantSlug is not null && user.TenantSlug() is { } own && string.Equals(own, tenantSlug, StringComparison.Ordinal));
}
