using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Api;

/// <summary>A tenant's API use today through the API: what its runs called, against the declared budget; customers see their own tenant only.</summary>
public sealed class QuotaApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task CreateAsync(string slug)
    {
        var response = await host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", new
        {
            name = $"Quota {slug}",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = host.ShopUrl, apiSecret = "quota-shop-secret-0123" } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<int> RunAsync(string slug)
    {
        var response = await host.Client(ApiHost.SupportKey).PostAsync($"/api/v1/tenants/{slug}/flows/products/runs?wait=true", null);
        var run = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("succeeded", (string?)run["status"]);
        return (int)run["calls"]!["shop"]!;
    }

    private static JsonObject System(JsonNode answer, string system) =>
        answer["systems"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["system"] == system);

    [Fact]
    public async Task The_answer_has_todays_calls_of_the_tenants_runs_against_the_declared_budget()
    {
        await CreateAsync("quota-runs");
        var calls = await RunAsync("quota-runs") + await RunAsync("quota-runs");

        var response = await host.Client(ApiHost.SupportKey).GetAsync("/api/v1/tenants/quota-runs/quota");
        var shop = System(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, "shop");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Test shop", (string?)shop["name"]);
        Assert.Equal(calls, (long)shop["usedToday"]!);
        Assert.Equal(100_000, (long)shop["dailyLimit"]!);
        Assert.Equal("ok", (string?)shop["status"]);
        Assert.True((long)shop["forecast"]! >= calls, "the forecast starts from today's use");
        var budget = Assert.Single(shop["budgets"]!.AsArray())!;
        Assert.Equal((100_000, "day", "calendar", "test declaration"),
            ((int)budget["calls"]!, (string?)budget["unit"], (string?)budget["counting"], (string?)budget["source"]));
    }

    [Fact]
    public async Task The_resync_estimate_takes_the_calls_of_the_last_full_run_and_fits_in_a_day()
    {
        host.Shop.Seed("shop", 12, 1);
        await CreateAsync("quota-resync");
        await RunAsync("quota-resync");
        var full = await host.Client(ApiHost.SupportKey).PostAsync("/api/v1/tenants/quota-resync/flows/products/runs?mode=full&wait=true", null);
        var run = JsonNode.Parse(await full.Content.ReadAsStringAsync())!;

        var response = await host.Client(ApiHost.SupportKey).GetAsync("/api/v1/tenants/quota-resync/flows/products/resync-estimate");
        var shop = System(JsonNode.Parse(await response.Content.ReadAsStringAsync())!, "shop");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12, (int)run["read"]!);
        Assert.Equal(12, (long)shop["records"]!);
        Assert.Equal((int)run["calls"]!["shop"]!, (long)shop["calls"]!);
        Assert.Equal((100_000L, 1), ((long)shop["dailyLimit"]!, (int)shop["days"]!));
    }

    [Fact]
    public async Task A_customer_reads_its_own_tenants_quota_and_gets_403_on_another()
    {
        await CreateAsync("quota-own");
        await CreateAsync("quota-other");
        var calls = await RunAsync("quota-own");
        await host.Services.GetRequiredService<CustomerUsers>().CreateAsync("quota-own", "user@quota-own.example", "Customer-pass-1", CancellationToken.None);
        using var customer = await PortalSession.SignInAsync(host, "user@quota-own.example", "Customer-pass-1");

        var own = await customer.Http.GetAsync("/api/v1/tenants/quota-own/quota");
        var other = await customer.Http.GetAsync("/api/v1/tenants/quota-other/quota");
        var boundKey = await host.Client(ApiHost.AlphaKey).GetAsync("/api/v1/tenants/quota-own/quota");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(calls, (long)System(JsonNode.Parse(await own.Content.ReadAsStringAsync())!, "shop")["usedToday"]!);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, boundKey.StatusCode);
    }
}
