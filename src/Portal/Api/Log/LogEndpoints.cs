using Koppel.Domain.Sync;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Log;

/// <summary>The sync log of a tenant: a filtered page of entries, and one entry with its history.</summary>
public static class LogEndpoints
{
    public static RouteGroupBuilder MapLogEndpoints(this RouteGroupBuilder api)
    {
        var tenant = api.MapTenantGroup();
        tenant.MapGet("/log", PageAsync).OpenToCustomers();
        tenant.MapGet("/log/{id:long}", EntryAsync).OpenToCustomers();
        return api;
    }

    private static async Task<Results<Ok<LogPage>, ValidationProblem>> PageAsync(
        string tenant, string? flow, string? outcome, string? q, int? page, int? pageSize, DateTime? from, DateTime? to,
        SyncLogService log, CancellationToken ct)
    {
        Outcome? parsed = null;
        if (!string.IsNullOrEmpty(outcome))
        {
            if (!Enum.TryParse<Outcome>(outcome, ignoreCase: true, out var o) || !Enum.IsDefined(o))
                return ApiResults.Invalid([new InputError("outcome", $"Use one of: {string.Join(", ", Enum.GetNames<Outcome>().Select(n => n.ToLowerInvariant()))}.")]);
            parsed = o;
        }
        var query = new LogQuery { Flow = flow, Outcome = parsed, Text = q, Page = page ?? 1, PageSize = pageSize ?? 50, From = from?.ToUniversalTime(), To = to?.ToUniversalTime() };
        return TypedResults.Ok(await log.PageAsync(tenant, query, ct));
    }

    private static async Task<Results<Ok<LogEntryDetails>, ProblemHttpResult>> EntryAsync(string tenant, long id, SyncLogService log, CancellationToken ct) =>
        await log.EntryAsync(tenant, id, ct) is { } found ? TypedResults.Ok(found) : ApiResults.NotFound($"There is no log entry {id}.");
}
