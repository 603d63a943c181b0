using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Audit;
using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Api;

/// <summary>
/// A new tenant's flows start off until its connections test green, so a tenant without working connections does not
/// have every flow running and failing at once; the hub switches them on the first time every connection is green.
/// </summary>
public sealed class NewTenantFlowsTests(ApiHost host) : IClassFixture<ApiHost>
{
    private HttpClient Support => host.Client(ApiHost.SupportKey);

    private async Task CreateAsync(string slug, string? shopUrl = null)
    {
        var response = await Support.PutAsJsonAsync($"/api/v1/tenants/{slug}", new
        {
            name = $"New {slug}",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = shopUrl ?? host.ShopUrl, apiSecret = "new-tenant-secret" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<JsonObject> FlowAsync(string slug) =>
        (await Support.GetFromJsonAsync<JsonObject>($"/api/v1/tenants/{slug}"))!["flows"]!.AsArray().Single()!.AsObject();

    private async Task<JsonObject> TestConnectionAsync(string slug)
    {
        var response = await Support.PostAsync($"/api/v1/tenants/{slug}/connections/shop/test", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<bool> ScheduledAsync(string slug) =>
        (await host.Services.GetRequiredService<DueFlows>().ClaimAsync(100, new HashSet<int>(), default)).Any(t => t.Slug == slug);

    private async Task<JsonArray> AuditAsync(string slug) =>
        (await Support.GetFromJsonAsync<JsonObject>($"/api/v1/tenants/{slug}/audit"))!["rows"]!.AsArray();

    [Fact]
    public async Task A_new_tenants_flows_start_off_with_the_reason_and_the_scheduler_leaves_them()
    {
        await CreateAsync("new-off");

        var flow = await FlowAsync("new-off");

        Assert.False((bool)flow["enabled"]!);
        Assert.Equal(WaitingFlows.Reason, (string?)flow["pausedReason"]);
        Assert.True((bool)flow["waitingForConnections"]!);
        Assert.Null(flow["nextRunAt"]);
        Assert.False(await ScheduledAsync("new-off"));
    }

    [Fact]
    public async Task The_first_time_every_connection_tests_green_the_hub_switches_the_flows_on_and_says_so_in_the_audit_log()
    {
        await CreateAsync("new-green");

        var test = await TestConnectionAsync("new-green");
        var flow = await FlowAsync("new-green");

        Assert.True((bool)test["succeeded"]!, test.ToJsonString());
        Assert.Contains("switched the tenant's flows on", (string?)test["flows"]);
        Assert.True((bool)flow["enabled"]!);
        Assert.Null(flow["pausedReason"]);
        Assert.False((bool)flow["waitingForConnections"]!);
        Assert.True(await ScheduledAsync("new-green"));
        var switched = (await AuditAsync("new-green")).Single(r => (string?)r!["subject"] == "flows.products.enabled")!;
        Assert.Equal((AuditLog.System, "off", "on"), ((string?)switched["actor"], (string?)switched["from"], (string?)switched["to"]));
    }

    [Fact]
    public async Task A_tenant_whose_connection_test_fails_stays_off()
    {
        // A shop address where no shop answers: the token request gets a 404.
        await CreateAsync("new-red", new Uri(host.Address, "sandbox/no-such-shop/").ToString());

        var test = await TestConnectionAsync("new-red");
        var flow = await FlowAsync("new-red");

        Assert.False((bool)test["succeeded"]!, test.ToJsonString());
        Assert.Null(test["flows"]);
        Assert.False((bool)flow["enabled"]!);
        Assert.Equal(WaitingFlows.Reason, (string?)flow["pausedReason"]);
        Assert.False(await ScheduledAsync("new-red"));
        Assert.DoesNotContain(await AuditAsync("new-red"), r => (string?)r!["subject"] == "flows.products.enabled");
    }

    [Fact]
    public async Task A_person_may_run_a_waiting_flow_or_switch_it_on_before_the_connections_are_tested()
    {
        await CreateAsync("new-by-hand");
        host.Shop.Seed("shop", 3, 1);

        var run = await Support.PostAsync("/api/v1/tenants/new-by-hand/flows/products/runs?wait=true", null);
        var switched = await Support.PatchAsJsonAsync("/api/v1/tenants/new-by-hand/flows/products", new { enabled = true });
        var flow = await FlowAsync("new-by-hand");
        var test = await TestConnectionAsync("new-by-hand");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("succeeded", (string?)(await run.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.True((bool)flow["enabled"]!);
        Assert.Null(flow["pausedReason"]);
        // Nothing waited any more: the test switches nothing and the audit log has the person's switch only.
        Assert.Null(test["flows"]);
        var entry = (await AuditAsync("new-by-hand")).Single(r => (string?)r!["subject"] == "flows.products.enabled")!;
        Assert.NotEqual(AuditLog.System, (string?)entry["actor"]);
    }

    [Fact]
    public async Task A_key_bound_to_one_tenant_starts_incremental_runs_but_not_a_full_resync()
    {
        await CreateAsync("alpha");
        var alpha = host.Client(ApiHost.AlphaKey);

        var full = await alpha.PostAsync("/api/v1/tenants/alpha/flows/products/runs?mode=full&wait=true", null);
        var incremental = await alpha.PostAsync("/api/v1/tenants/alpha/flows/products/runs?wait=true", null);

        Assert.Equal(HttpStatusCode.Forbidden, full.StatusCode);
        Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ask support", (string?)(await full.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        Assert.Equal(HttpStatusCode.OK, incremental.StatusCode);
    }
}
