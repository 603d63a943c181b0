namespace Koppel.Portal.Auth;

/// <summary>
/// The portal's access rules, for every page developer. Every page requires sign-in (the fallback policy); on top:
/// <list type="bullet">
/// <item>A page of one tenant lives under <c>/tenants/{slug}/...</c> and declares
///   <c>@attribute [Authorize(Policy = PortalPolicies.TenantAccess)]</c>: support staff may open it for any tenant,
///   a customer only for its own slug (another slug gets the access-denied page). The slug is read from the route
///   value named <c>slug</c> (or <c>tenant</c>).</item>
/// <item>A page for support staff only declares <c>@attribute [Authorize(Policy = PortalPolicies.Support)]</c>.</item>
/// <item>A page that declares no <c>[Authorize]</c> at all is treated as support-only as well (Routes.razor refuses
///   it to customers), so forgetting the attribute never opens a page to every customer.</item>
/// </list>
/// Inside a component, inject <see cref="CurrentUser"/> for <c>IsSupport</c>, <c>TenantSlug</c> and <c>CanSee(slug)</c>,
/// e.g. to hide support-only buttons. Hiding is a convenience: the services behind a page must still get the slug
/// from the (authorized) route, never from user input.
/// </summary>
public static class PortalPolicies
{
    /// <summary>Support staff for every tenant; a customer only for the tenant in the route.</summary>
    public const string TenantAccess = "TenantAccess";

    /// <summary>Support staff only.</summary>
    public const string Support = "Support";
}
