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
        // Customers (users and tenant-bound keys) start incremental runs; a full one is for support staff (403).
        tenant.MapPost("/flows/{flow}/runs", StartAsync).OpenToCustomers().ProducesProblem(StatusCodes.Status409Conflict);
        tenant.MapGet("/runs", ListAsync).OpenToCustomers();
        tenant.MapGet("/runs/{id:long}", GetAsync).OpenToCustomers();
        return api;
    }

    /// <summary>The runs one call started: one per webshop when a per-webshop flow is run without naming one.</summary>
    public sealed record RunsAnswer(IReadOnlyList<RunSummary> Runs);

    /// <param name="webshop">For an integration that runs per webshop: the one to run; left out, every webshop's flow runs.</param>
    private static async Task<Results<Ok<RunSummary>, Accepted<RunSummary>, Ok<RunsAnswer>, Accepted<RunsAnswer>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string tenant, string flow, string? mode, bool? wait, string? webshop, HttpContext http, RunLauncher runs, CancellationToken ct)
    {
        RunMode runMode;
        switch (mode?.ToLowerInvariant())
        {
            case null or "" or "incremental": runMode = RunMode.Incremental; break;
            case "full": runMode = RunMode.Full; break;
            default: return ApiResults.Invalid([new InputError("mode", "Use \"incremental\" or \"full\".")]);
        }
        // Support staff are signed-in support users and keys that reach every tenant; a key bound to one tenant is the customer's.
        if (runMode == RunMode.Full && ApiFilters.CallerOf(http) is var caller && (caller.IsCustomer || !caller.AllTenants))
            return ApiResults.Forbidden("A full resync re-reads every record and spends the systems' API quota: ask support to start one.");
        var request = new RunRequest(runMode, RunTrigger.Api);
        var keys = await runs.FlowKeysAsync(tenant, flow, webshop, ct);
        if (keys.Count > 1)
        {
            // One after the other when waiting: the webshops share one ERP company and its rate limit.
            var started = new List<RunSummary>();
            foreach (var key in keys)
                started.Add(RunSummary.Of(wait == true ? await runs.RunAsync(tenant, key, request, ct) : await runs.StartAsync(tenant, key, request)));
            return wait == true ? TypedResults.Ok(new RunsAnswer(started)) : TypedResults.Accepted($"/api/v1/tenants/{tenant}/runs", new RunsAnswer(started));
        }
        if (wait == true) return TypedResults.Ok(RunSummary.Of(await runs.RunAsync(tenant, keys[0], request, ct)));
        var run = await runs.StartAsync(tenant, keys[0], request);
        return TypedResults.Accepted($"/api/v1/tenants/{tenant}/runs/{run.Id}", RunSummary.Of(run));
    }

    private static async Task<Ok<IEnumerable<RunSummary>>> ListAsync(string tenant, string? flow, int? take, SyncLogService log, CancellationToken ct) =>
        TypedResults.Ok((await log.RunsAsync(tenant, flow, take ?? 50, ct)).Select(RunSummary.Of));

    private static async Task<Results<Ok<RunSummary>, ProblemHttpResult>> GetAsync(string tenant, long id, SyncLogService log, CancellationToken ct) =>
        await log.RunAsync(tenant, id, ct) is { } run ? TypedResults.Ok(RunSummary.Of(run)) : ApiResults.NotFound($"There is no run {id}.");
}
