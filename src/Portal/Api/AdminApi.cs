using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Api.Readiness;
using Koppel.Portal.Auth;

namespace Koppel.Portal.Api;

/// <summary>The admin HTTP API (/api/v1) for automation and support tooling. Calls the same services as the portal.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        // The API checks its own callers (RequireCaller), so the portal's sign-in redirect never answers a program.
        var api = app.MapGroup("/api/v1").AllowAnonymous().AddEndpointFilter(RequireCaller);
        api.MapGet("/tenants", async (HttpContext http, TenantService tenants, CancellationToken ct) =>
            Results.Ok(await tenants.ListAsync(CallerOf(http).OnlyTenant, ct)));

        var tenant = api.MapGroup("/tenants/{tenant}").AddEndpointFilter(RequireTenant);
        tenant.MapGet("", async (string tenant, TenantService tenants, CancellationToken ct) =>
            await tenants.GetAsync(tenant, ct) is { } view ? Results.Ok(view) : ApiResults.NotFound($"There is no tenant \"{tenant}\"."));
        tenant.MapPut("", async (string tenant, TenantInput input, TenantService tenants, CancellationToken ct) =>
        {
            var (view, created) = await tenants.UpsertAsync(tenant, input, ct, changedBy: "api");
            return created ? Results.Created($"/api/v1/tenants/{tenant}", view) : Results.Ok(view);
        });

        tenant.MapPatch("/flows/{flow}", async (string tenant, string flow, FlowChange change, TenantService tenants, CancellationToken ct) =>
        {
            await tenants.UpdateFlowAsync(tenant, flow, change.Enabled, change.Schedule, ct);
            return Results.Ok((await tenants.GetAsync(tenant, ct))!.Flows.First(f => f.Key == flow));
        });
        tenant.MapPost("/flows/{flow}/runs", async (string tenant, string flow, string? mode, bool? wait, RunLauncher runs, CancellationToken ct) =>
        {
            RunMode runMode;
            switch (mode?.ToLowerInvariant())
            {
                case null or "" or "incremental": runMode = RunMode.Incremental; break;
                case "full": runMode = RunMode.Full; break;
                default: return ApiResults.Invalid([new InputError("mode", "Use \"incremental\" or \"full\".")]);
            }
            var request = new RunRequest(runMode, RunTrigger.Api);
            if (wait == true) return Results.Ok(RunSummary.Of(await runs.RunAsync(tenant, flow, request, ct)));
            var run = await runs.StartAsync(tenant, flow, request);
            return Results.Accepted($"/api/v1/tenants/{tenant}/runs/{run.Id}", RunSummary.Of(run));
        }).OpenToCustomers();
        tenant.MapPost("/flows/{flow}/records/{sourceId}/resync", async (string tenant, string flow, string sourceId, RunLauncher runs, CancellationToken ct) =>
            Results.Ok(RunSummary.Of(await runs.RunAsync(tenant, flow, new RunRequest(RunMode.SingleRecord, RunTrigger.Api, sourceId), ct)))).OpenToCustomers();

        tenant.MapGet("/runs", async (string tenant, string? flow, int? take, SyncLogService log, CancellationToken ct) =>
            Results.Ok((await log.RunsAsync(tenant, flow, take ?? 50, ct)).Select(RunSummary.Of))).OpenToCustomers();
        tenant.MapGet("/runs/{id:long}", async (string tenant, long id, SyncLogService log, CancellationToken ct) =>
            await log.RunAsync(tenant, id, ct) is { } run ? Results.Ok(RunSummary.Of(run)) : ApiResults.NotFound($"There is no run {id}.")).OpenToCustomers();
        tenant.MapGet("/log", async (string tenant, string? flow, string? outcome, string? q, int? page, int? pageSize, DateTime? from, DateTime? to, SyncLogService log, CancellationToken ct) =>
        {
            Outcome? parsed = null;
            if (!string.IsNullOrEmpty(outcome))
            {
                if (!Enum.TryParse<Outcome>(outcome, ignoreCase: true, out var o) || !Enum.IsDefined(o))
                    return ApiResults.Invalid([new InputError("outcome", $"Use one of: {string.Join(", ", Enum.GetNames<Outcome>().Select(n => n.ToLowerInvariant()))}.")]);
                parsed = o;
            }
            var query = new LogQuery { Flow = flow, Outcome = parsed, Text = q, Page = page ?? 1, PageSize = pageSize ?? 50, From = from?.ToUniversalTime(), To = to?.ToUniversalTime() };
            return Results.Ok(await log.PageAsync(tenant, query, ct));
        }).OpenToCustomers();
        tenant.MapGet("/log/{id:long}", async (string tenant, long id, SyncLogService log, CancellationToken ct) =>
            await log.EntryAsync(tenant, id, ct) is { } found
                ? Results.Ok(new { entry = found.Entry, history = found.History })
                : ApiResults.NotFound($"There is no log entry {id}.")).OpenToCustomers();

        tenant.MapReadinessApi();

        tenant.MapGet("/mappings/{flow}", async (string tenant, string flow, MappingService mappings, CancellationToken ct) =>
            Results.Json(await mappings.GetAsync(tenant, flow, ct), MappingJson.Options));
        tenant.MapPut("/mappings/{flow}", async (string tenant, string flow, HttpContext http, MappingService mappings, CancellationToken ct) =>
        {
            FieldMapping mapping;
            try
            {
                var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct);
                // Accept the GET shape back ({ "mapping": {...} }) as well as the bare mapping.
                var node = body?["mapping"] ?? body;
                mapping = MappingJson.Deserialize(node?.ToJsonString() ?? "null");
            }
            catch (Exception e) when (e is MappingFormatException or System.Text.Json.JsonException)
            {
                var field = e is MappingFormatException m ? m.JsonPath ?? "mapping" : "mapping";
                return ApiResults.Invalid([new InputError(field, e.Message)]);
            }
            var saved = await mappings.SaveAsync(tenant, flow, mapping, "api", http.Request.Query["comment"], ct);
            return Results.Json(saved, MappingJson.Options);
        });
        return app;
    }

    public sealed record FlowChange(bool? Enabled, string? Schedule);

    private static ApiCaller CallerOf(HttpContext http) => (ApiCaller)http.Items[typeof(ApiCaller)]!;

    /// <summary>
    /// An X-Api-Key header decides alone (a wrong key is 401 even with a cookie); without one, the portal's cookie
    /// may stand in. Cookie callers from another site are refused: browsers add the Origin header to such requests.
    /// </summary>
    private static async ValueTask<object?> RequireCaller(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        ApiCaller? caller;
        if (http.Request.Headers.ContainsKey(ApiKeys.Header))
        {
            var key = http.RequestServices.GetRequiredService<ApiKeys>().From(http);
            if (key is null) return ApiResults.Unauthorized();
            caller = ApiCaller.Of(key);
        }
        else
        {
            if (!http.User.IsSignedIn()) return ApiResults.Unauthorized();
            if (IsCrossSite(http.Request)) return ApiResults.Forbidden("Requests from another site are not accepted with the portal's cookie.");
            caller = ApiCaller.Of(http.User);
            if (caller is null) return ApiResults.Forbidden("Your account is not linked to a tenant yet; ask support.");
        }
        if (caller.IsCustomer && http.GetEndpoint()?.Metadata.GetMetadata<ApiAccess>() is null)
            return ApiResults.Forbidden("Customers may read runs and the log of their own tenant and start its runs; connections, settings and mappings are changed by support.");
        http.Items[typeof(ApiCaller)] = caller;
        try
        {
            return await next(context);
        }
        catch (InputRejected rejected) { return ApiResults.Invalid(rejected.Errors); }
        catch (KeyNotFoundException missing) { return ApiResults.NotFound(missing.Message); }
        catch (FlowBusy busy) { return ApiResults.Busy(busy); }
    }

    private static bool IsCrossSite(HttpRequest request) =>
        request.Headers.Origin.FirstOrDefault() is { Length: > 0 } origin
        && !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));

    private static async ValueTask<object?> RequireTenant(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenant = http.Request.RouteValues["tenant"] as string ?? "";
        return CallerOf(http).Allows(tenant) ? await next(context) : ApiResults.Forbidden();
    }
}
