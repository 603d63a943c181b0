using Microsoft.AspNetCore.Identity;

namespace Koppel.Infrastructure.Persistence;

/// <summary>A portal user: support staff (all tenants) or a customer bound to one tenant.</summary>
public sealed class KoppelUser : IdentityUser
{
    /// <summary>Slug of the tenant a customer user belongs to; null for support staff.</summary>
    public string? TenantSlug { get; set; }
}
