using Microsoft.AspNetCore.Authorization;
using ComponentRouteData = Microsoft.AspNetCore.Components.RouteData;

namespace Koppel.Portal.Auth;

/// <summary>Requirement of the <see cref="PortalPolicies.TenantAccess"/> policy.</summary>
public sealed class TenantAccessRequirement : IAuthorizationRequirement;

/// <summary>
/// Reads the tenant slug from the route and lets the user in when <see cref="PortalClaims.CanSee"/> allows it.
/// The resource is the HttpContext when the endpoint middleware authorizes a request, and the page's RouteData
/// when the interactive router authorizes a navigation inside a circuit: both carry the same route values.
/// </summary>
public sealed class TenantAccessHandler : AuthorizationHandler<TenantAccessRequirement>
{
    private static readonly string[] SlugRouteValues = ["slug", "tenant"];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantAccessRequirement requirement)
    {
        if (context.User.CanSee(SlugOf(context.Resource)))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static string? SlugOf(object? resource)
    {
        IReadOnlyDictionary<string, object?>? values = resource switch
        {
            HttpContext http => http.Request.RouteValues,
            ComponentRouteData route => route.RouteValues,
            _ => null,
        };
        if (values is null) return null;
        foreach (var name in SlugRouteValues)
            if (values.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } slug)
                return slug;
        return null;
    }
}

/// <summary>
/// Part of the fallback policy: an address under <c>/tenants/{slug}</c> is refused to a customer of another
/// tenant even when no page there declares <see cref="PortalPolicies.TenantAccess"/>, or no page exists at all,
/// so a guessed URL never tells one customer anything about another tenant.
/// </summary>
public sealed class TenantPathRequirement : AuthorizationHandler<TenantPathRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantPathRequirement requirement)
    {
        if (context.Resource is not HttpContext http || TenantOf(http.Request.Path) is not { } slug || context.User.CanSee(slug))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static string? TenantOf(PathString path)
    {
        if (!path.StartsWithSegments("/tenants", StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue) return null;
        var slug = rest.Value!.TrimStart('/').Split('/', 2)[0];
        return slug.Length > 0 ? Uri.UnescapeDataString(slug) : null;
    }
}
