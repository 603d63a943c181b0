using Koppel.Infrastructure.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koppel.Portal.Api.Tenants;

/// <summary>Tenants: list, read, create or update, switch a flow on or off or change its schedule, and test a stored connection.</summary>
public static class TenantsEndpoints
{
    public static RouteGroupBuilder MapTenantsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/tenants", ListAsync);
        var tenant = api.MapTenantGroup();
        tenant.MapGet("", GetAsync);
        tenant.MapPut("", PutAsync);
        tenant.MapPatch("/flows/{flow}", ChangeFlowAsync);
        tenant.MapPost("/connections/{system}/test", TestConnectionAsync);
        return api;
    }

    public sealed record FlowChange(bool? Enabled, string? Schedule);

    private static async Task<Ok<IReadOnlyList<TenantView>>> ListAsync(HttpContext http, TenantService tenants, CancellationToken ct) =>
        TypedResults.Ok(await tenants.ListAsync(ApiFilters.CallerOf(http).OnlyTenant, ct));

    private static async Task<Results<Ok<TenantView>, ProblemHttpResult>> GetAsync(string tenant, TenantService tenants, CancellationToken ct) =>
        await tenants.GetAsync(tenant, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound(TenantLookup.NotFound(tenant));

    private static async Task<Results<Created<TenantView>, Ok<TenantView>>> PutAsync(string tenant, TenantInput input, HttpContext http, TenantService tenants, CancellationToken ct)
    {
        var caller = ApiFilters.CallerOf(http);
        var (view, created) = await tenants.UpsertAsync(tenant, input, ct, changedBy: caller.Actor, addressesLocked: !caller.AllTenants);
        return created ? TypedResults.Created($"/api/v1/tenants/{tenant}", view) : TypedResults.Ok(view);
    }

    private static async Task<Ok<FlowView>> ChangeFlowAsync(string tenant, string flow, FlowChange change, HttpContext http, TenantService tenants, CancellationToken ct)
    {
        await tenants.UpdateFlowAsync(tenant, flow, change.Enabled, change.Schedule, ct, ApiFilters.CallerOf(http).Actor);
        return TypedResults.Ok((await tenants.GetAsync(tenant, ct))!.Flows.First(f => f.Key == flow));
    }

    /// <summary>
    /// Tests the stored connection as it is (unsaved values are tried in the portal). The first time every connection of
    /// a new tenant tests green, the hub switches its waiting flows on; the answer says so.
    /// </summary>
    private static async Task<Ok<ConnectionTestResult>> TestConnectionAsync(string tenant, string system, ConnectionTester tester, CancellationToken ct) =>
        TypedResults.Ok(await tester.TestAsync(tenant, system, null, ct));
}
