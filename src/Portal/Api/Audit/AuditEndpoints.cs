using Koppel.Infrastructure.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Audit;

/// <summary>Who changed what on a tenant. Customers read their own tenant's: it is their account's history.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapTenantGroup().MapGet("/audit", PageAsync).OpenToCustomers();
        return api;
    }

    private static async Task<Ok<AuditPage>> PageAsync(string tenant, int? page, int? pageSize, HttpContext http, AuditLog audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.PageAsync(tenant, page ?? 1, pageSize ?? 50, withValues: !ApiFilters.CallerOf(http).IsCustomer, ct));
}
