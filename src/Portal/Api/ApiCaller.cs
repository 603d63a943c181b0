using System.Security.Claims;
using Koppel.Portal.Auth;

namespace Koppel.Portal.Api;

/// <summary>
/// Who is calling the admin API: an admin API key (all tenants or one) or a signed-in portal user through the
/// portal's cookie (support staff: all tenants; a customer: its own tenant, and only endpoints marked
/// <see cref="ApiAccess.OpenToCustomers"/>).
/// </summary>
/// <param name="Actor">Who the audit log puts a change down to: the user's e-mail address, or the key's fingerprint.</param>
public sealed record ApiCaller(string? Tenant, bool AllTenants, bool IsCustomer, string Actor)
{
    public bool Allows(string tenant) => AllTenants || string.Equals(Tenant, tenant, StringComparison.Ordinal);

    /// <summary>The tenant to limit a listing to; null lists every tenant.</summary>
    public string? OnlyTenant => AllTenants ? null : Tenant;

    public static ApiCaller Of(ApiKey key) => new(key.AllTenants ? null : key.Tenant, key.AllTenants, IsCustomer: false, Actor: "API key " + Fingerprint(key.Key));

    /// <summary>Names a key without revealing it: the first hex digits of its SHA-256.</summary>
    private static string Fingerprint(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..8];

    private static string ActorOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "a portal user";

    /// <summary>Null for a signed-in user who is neither support staff nor bound to a tenant.</summary>
    public static ApiCaller? Of(ClaimsPrincipal user) =>
        user.IsSupport() ? new ApiCaller(null, AllTenants: true, IsCustomer: false, ActorOf(user))
        : user.TenantSlug() is { } slug ? new ApiCaller(slug, AllTenants: false, IsCustomer: true, ActorOf(user))
        : null;
}

/// <summary>Marks API endpoints a customer may call for its own tenant: reading runs and the log, starting runs.</summary>
public sealed class ApiAccess
{
    public static readonly ApiAccess OpenToCustomers = new();

    private ApiAccess()
    {
    }
}

internal static class ApiAccessExtensions
{
    /// <summary>
    /// Lets customers (signed in through the portal) call this endpoint for their own tenant. Never use it on an
    /// endpoint that returns or changes connections, secrets, settings or mappings.
    /// </summary>
    public static RouteHandlerBuilder OpenToCustomers(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(ApiAccess.OpenToCustomers);
}
