using Koppel.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tenants;

/// <summary>
/// The one way to find a tenant by its slug. Callers shape the query first (Include, AsNoTracking) and then ask
/// here, so the "there is no tenant" answer reads the same from the API, the portal and the engine.
/// </summary>
public static class TenantLookup
{
    /// <summary>The tenant, or null when no tenant has this slug.</summary>
    public static Task<Tenant?> FindBySlugAsync(this IQueryable<Tenant> tenants, string slug, CancellationToken ct) =>
        tenants.FirstOrDefaultAsync(t => t.Slug == slug, ct);

    /// <summary>The tenant; a <see cref="KeyNotFoundException"/> (the API answers it with 404) when no tenant has this slug.</summary>
    public static async Task<Tenant> GetBySlugAsync(this IQueryable<Tenant> tenants, string slug, CancellationToken ct) =>
        await tenants.FindBySlugAsync(slug, ct) ?? throw new KeyNotFoundException(NotFound(slug));

    /// <summary>The message for a slug no tenant has.</summary>
    public static string NotFound(string slug) => $"There is no tenant \"{slug}\".";
}
