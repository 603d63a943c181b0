using Koppel.Domain.Sync;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Runs;

/// <summary>Runs of a tenant's flows: start one (and wait for it, if asked), list them, read one.</summary>
public static class RunsEndpoints
{
    public static RouteGroupBuilder MapRunsEndpoints(this RouteGroupBuilder api)
    {
        var tenant = api.MapTenantGroup();
        // Customers start incremental runs; a full one is for support staff (403).
        tenant.MapPost("/flows/{flow}/runs", StartAsync).OpenToCustomers().ProducesProblem(StatusCodes.Status409Conflict);
        tenant.MapGet("/runs", ListAsync).OpenToCustomers();
        tenant.MapGet("/runs/{id:long}", GetAsync).OpenToCustomers();
        return api;
    }

    private static async Task<Results<Ok<RunSummary>, Accepted<RunSummary>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string tenant, string flow, string? mode, bool? wait, HttpContext http, RunLauncher runs, CancellationToken ct)
    {
        RunMode runMode;
        switch (mode?.ToLowerInvariant())
        {
            case null or "" or "incremental": runMode = RunMode.Incremental; break;
            case "full": runMode = RunMode.Full; break;
            default: return ApiResults.Invalid([new InputError("mode", "Use \"incremental\" or \"full\".")]);
        }
        if (runMode == RunMode.Full && ApiFilters.CallerOf(http).IsCustomer)
            return ApiResults.Forbidden("A full resync re-reads every record and spends the systems' API quota: ask support to start one.");
        var request = new RunRequest(runMode, RunTrigger.Api);
        if (wait == true) return TypedResults.Ok(RunSummary.Of(await runs.RunAsync(tenant, flow, request, ct)));
        var run = await runs.StartAsync(tenant, flow, request);
        return TypedResults.Accepted($"/api/v1/tenants/{tenant}/runs/{run.Id}", RunSummary.Of(run));
    }

    private static async Task<Ok<IEnumerable<RunSummary>>> ListAsync(string tenant, string? flow, int? take, SyncLogService log, CancellationToken ct) =>
        TypedResults.Ok((await log.RunsAsync(tenant, flow, take ?? 50, ct)).Select(RunSummary.Of));

    private static async Task<Results<Ok<RunSummary>, ProblemHttpResult>> GetAsync(string tenant, long id, SyncLogService log, CancellationToken ct) =>
        await log.RunAsync(tenant, id, ct) is { } run ? TypedResults.Ok(RunSummary.Of(run)) : ApiResults.NotFound($"There is no run {id}.");
}
