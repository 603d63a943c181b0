using Koppel.Domain.Reconciliation;
using Koppel.Infrastructure.Reconciliation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Reconciliation;

/// <summary>
/// A tenant's reconciliation report: per entity, the records on each side, linked, failing by reason and on one side
/// only. Customers read and compute their own tenant's: it is the figure they check the hub by.
/// </summary>
public static class ReconciliationEndpoints
{
    public static RouteGroupBuilder MapReconciliationEndpoints(this RouteGroupBuilder api)
    {
        var tenant = api.MapTenantGroup();
        tenant.MapGet("/reconciliation", LatestAsync).OpenToCustomers();
        tenant.MapPost("/reconciliation", ComputeAsync).OpenToCustomers();
        tenant.MapGet("/reconciliation.csv", CsvAsync).OpenToCustomers().Produces<string>(StatusCodes.Status200OK, "text/csv");
        return api;
    }

    /// <summary>The latest report (nightly, or the last computed on demand); 404 until one was computed.</summary>
    private static async Task<Results<Ok<ReconciliationReport>, ProblemHttpResult>> LatestAsync(string tenant, ReconciliationService reconciliation, CancellationToken ct) =>
        await reconciliation.LatestAsync(tenant, ct) is { } report ? TypedResults.Ok(report) : NoneYet();

    /// <summary>Counts both sides now (one call each per counted entity), stores the report as the latest and answers it.</summary>
    private static async Task<Ok<ReconciliationReport>> ComputeAsync(string tenant, ReconciliationService reconciliation, CancellationToken ct) =>
        TypedResults.Ok(await reconciliation.ComputeAsync(tenant, ct));

    /// <summary>The latest report as CSV: one row per entity and failing reason.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CsvAsync(string tenant, HttpContext http, ReconciliationService reconciliation, CancellationToken ct)
    {
        if (await reconciliation.LatestAsync(tenant, ct) is not { } report) return NoneYet();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"reconciliation-{tenant}-{report.ComputedAt:yyyyMMdd-HHmm}.csv\"";
        return TypedResults.Text(ReconciliationCsv.Write(report), "text/csv; charset=utf-8");
    }

    private static ProblemHttpResult NoneYet() =>
        ApiResults.NotFound("No reconciliation report was computed for this tenant yet. POST to the same address to compute one now.");
}
