using Koppel.Domain.Sync;
using Koppel.Infrastructure.Sync;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Records;

/// <summary>Single records of a flow: sync one source record again now.</summary>
public static class RecordsEndpoints
{
    public static RouteGroupBuilder MapRecordsEndpoints(this RouteGroupBuilder api)
    {
        var tenant = api.MapTenantGroup();
        tenant.MapPost("/flows/{flow}/records/{sourceId}/resync", ResyncAsync).OpenToCustomers();
        return api;
    }

    private static async Task<Ok<RunSummary>> ResyncAsync(string tenant, string flow, string sourceId, RunLauncher runs, CancellationToken ct) =>
        TypedResults.Ok(RunSummary.Of(await runs.RunAsync(tenant, flow, new RunRequest(RunMode.SingleRecord, RunTrigger.Api, sourceId), ct)));
}
