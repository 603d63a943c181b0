using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Api;

/// <summary>The audit log through the API: changes put down to who made them, secrets never shown, customers limited to their own tenant.</summary>
public sealed class AuditApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string FirstSecret = "audit-first-secret-271828";
    private const string SecondSecret = "audit-second-secret-161803";

    private async Task PutAsync(string slug, object body)
    {
        var response = await host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task CreateAsync(string slug) => PutAsync(slug, new
    {
        name = $"Audit {slug}",
        integration = "test-shop",
        connections = new { shop = new { baseUrl = host.ShopUrl, apiSecret = FirstSecret } },
        settings = new { pageSize = 5 },
    });

    private static JsonObject Entry(JsonArray rows, string subject) =>
        rows.Select(r => r!.AsObject()).FirstOrDefault(r => (string?)r["subject"] == subject)
        ?? throw new Xunit.Sdk.XunitException($"No audit entry for {subject} in {rows.ToJsonString()}");

    [Fact]
    public async Task A_change_through_the_api_is_logged_with_the_key_and_the_values_but_a_secret_only_as_changed()
    {
        await CreateAsync("audit-api");
        await PutAsync("audit-api", new
        {
            connections = new { shop = new { baseUrl = host.ShopUrl + "/", apiSecret = SecondSecret } },
            settings = new { pageSize = 7 },
        });
        var flow = await host.Client(ApiHost.SupportKey).PatchAsJsonAsync("/api/v1/tenants/audit-api/flows/products", new { schedule = "*/30 * * * *" });
        Assert.Equal(HttpStatusCode.OK, flow.StatusCode);

        var response = await host.Client(ApiHost.SupportKey).GetAsync("/api/v1/tenants/audit-api/audit");
        var body = await response.Content.ReadAsStringAsync();
        var rows = JsonNode.Parse(body)!["rows"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(FirstSecret, body);
        Assert.DoesNotContain(SecondSecret, body);
        var keyActor = "API key " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiHost.SupportKey)))[..8];
        var secret = Entry(rows, "connections.shop.apiSecret");
        Assert.Equal("(secret)", (string?)secret["from"]);
        Assert.Equal("(secret) changed", (string?)secret["to"]);
        Assert.Equal(keyActor, (string?)secret["actor"]);
        var address = Entry(rows, "connections.shop.baseUrl");
        Assert.Equal(host.ShopUrl, (string?)address["from"]);
        Assert.Equal(host.ShopUrl + "/", (string?)address["to"]);
        var pageSize = Entry(rows, "settings.pageSize");
        Assert.Equal(("5", "7"), ((string?)pageSize["from"], (string?)pageSize["to"]));
        var schedule = Entry(rows, "flows.products.schedule");
        Assert.Equal("*/30 * * * *", (string?)schedule["to"]);
        // Newest first: the schedule was the last change.
        Assert.Equal("flows.products.schedule", (string?)rows[0]!["subject"]);
    }

    [Fact]
    public async Task A_save_that_changes_nothing_logs_nothing()
    {
        await CreateAsync("audit-same");
        var before = (await host.Client(ApiHost.SupportKey).GetFromJsonAsync<JsonObject>("/api/v1/tenants/audit-same/audit"))!["rows"]!.AsArray().Count;

        await PutAsync("audit-same", new { settings = new { pageSize = 5 } });

        var after = (await host.Client(ApiHost.SupportKey).GetFromJsonAsync<JsonObject>("/api/v1/tenants/audit-same/audit"))!["rows"]!.AsArray().Count;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_customer_reads_its_own_tenants_changes_without_connection_values_and_not_another_tenants()
    {
        await CreateAsync("audit-own");
        await CreateAsync("audit-other");
        await PutAsync("audit-own", new { connections = new { shop = new { baseUrl = host.ShopUrl + "/v2" } } });
        await host.Services.GetRequiredService<CustomerUsers>().CreateAsync("audit-own", "user@audit-own.example", "Customer-pass-1", CancellationToken.None);
        using var customer = await PortalSession.SignInAsync(host, "user@audit-own.example", "Customer-pass-1");

        var own = await customer.Http.GetAsync("/api/v1/tenants/audit-own/audit");
        var other = await customer.Http.GetAsync("/api/v1/tenants/audit-other/audit");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var address = Entry(JsonNode.Parse(await own.Content.ReadAsStringAsync())!["rows"]!.AsArray(), "connections.shop.baseUrl");
        Assert.Null(address["from"]);
        Assert.Null(address["to"]);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }
}
