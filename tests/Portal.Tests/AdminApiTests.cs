using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koppel.Portal.Tests;

public sealed class AdminApiTests : IClassFixture<ApiHost>
{
    private const string Secret = "very-secret-shop-key-2718";
    private readonly ApiHost _host;

    public AdminApiTests(ApiHost host) => _host = host;

    private object TenantBody(string name = "Alpha BV", object? settings = null) => new
    {
        name,
        integration = "test-shop",
        connections = new { shop = new { baseUrl = _host.ShopUrl, apiSecret = Secret } },
        settings = settings ?? new { pageSize = 5 },
    };

    private async Task<HttpResponseMessage> PutTenantAsync(string slug, string key = ApiHost.SupportKey, object? body = null) =>
        await _host.Client(key).PutAsJsonAsync($"/api/v1/tenants/{slug}", body ?? TenantBody());

    [Fact]
    public async Task A_request_without_a_key_is_refused_with_401()
    {
        var response = await _host.Client(null).GetAsync("/api/v1/tenants");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_401()
    {
        var response = await _host.Client("not-a-configured-key-000000").GetAsync("/api/v1/tenants");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_tenant_key_gets_403_on_another_tenant()
    {
        (await PutTenantAsync("beta")).EnsureSuccessStatusCode();
        var alpha = _host.Client(ApiHost.AlphaKey);

        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.GetAsync("/api/v1/tenants/beta")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.PutAsJsonAsync("/api/v1/tenants/beta", TenantBody())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.PostAsync("/api/v1/tenants/beta/flows/products/runs?wait=true", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.GetAsync("/api/v1/tenants/beta/log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.GetAsync("/api/v1/tenants/beta/mappings/products")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_key_lists_only_its_own_tenant()
    {
        (await PutTenantAsync("alpha")).EnsureSuccessStatusCode();
        (await PutTenantAsync("gamma")).EnsureSuccessStatusCode();

        var list = await _host.Client(ApiHost.AlphaKey).GetFromJsonAsync<JsonArray>("/api/v1/tenants");

        Assert.Equal(["alpha"], list!.Select(t => (string)t!["slug"]!));
    }

    [Fact]
    public async Task Creating_a_tenant_answers_201_and_never_returns_the_secret()
    {
        var response = await PutTenantAsync("delta");
        var text = await response.Content.ReadAsStringAsync();
        var again = await _host.Client(ApiHost.SupportKey).GetStringAsync("/api/v1/tenants/delta");
        var list = await _host.Client(ApiHost.SupportKey).GetStringAsync("/api/v1/tenants");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(Secret, again);
        Assert.DoesNotContain(Secret, list);
        var shop = JsonNode.Parse(text)!["connections"]!["shop"]!;
        Assert.Equal(["apiSecret"], shop["secretsSet"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(_host.ShopUrl, (string)shop["fields"]!["baseUrl"]!);
    }

    [Fact]
    public async Task Invalid_fields_are_each_named_in_a_problem_detail()
    {
        var response = await PutTenantAsync("epsilon", body: new
        {
            name = "",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = "not a url", colour = "blue" } },
            settings = new { pageSize = 0, shoeSize = 42 },
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = problem!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("name", errors.Select(e => e.Key));
        Assert.Contains("connections.shop.baseUrl", errors.Select(e => e.Key));
        Assert.Contains("connections.shop.colour", errors.Select(e => e.Key));
        Assert.Contains("settings.shoeSize", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task An_out_of_range_setting_is_named_with_its_reason()
    {
        var response = await PutTenantAsync("zeta", body: TenantBody(settings: new { pageSize = 0 }));
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 1 and 1000", (string)errors["settings.pageSize"]![0]!);
    }

    [Fact]
    public async Task A_run_with_wait_returns_its_summary_and_the_log_lists_its_records()
    {
        _host.Shop.Seed("shop", 7, 1);
        (await PutTenantAsync("eta")).EnsureSuccessStatusCode();
        var client = _host.Client(ApiHost.SupportKey);

        var run = await (await client.PostAsync("/api/v1/tenants/eta/flows/products/runs?wait=true", null)).Content.ReadFromJsonAsync<JsonObject>();
        var log = await client.GetFromJsonAsync<JsonObject>("/api/v1/tenants/eta/log?flow=products");
        var runs = await client.GetFromJsonAsync<JsonArray>("/api/v1/tenants/eta/runs?flow=products");

        Assert.Equal("succeeded", (string)run!["status"]!);
        Assert.True((int)run["read"]! >= 7);
        // The test store is shared by the tests' tenants: a product another tenant wrote is found and updated.
        Assert.Equal((int)run["read"]!, (int)run["created"]! + (int)run["updated"]!);
        Assert.NotNull(run["endedAt"]);
        Assert.Equal((int)run["read"]!, log!["rows"]!.AsArray().Count);
        Assert.Equal((long)run["id"]!, (long)runs![0]!["id"]!);
    }

    [Fact]
    public async Task An_unknown_flow_answers_404_with_a_problem_detail()
    {
        (await PutTenantAsync("theta")).EnsureSuccessStatusCode();

        var response = await _host.Client(ApiHost.SupportKey).PostAsync("/api/v1/tenants/theta/flows/nope/runs?wait=true", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no flow \\\"nope\\\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Saving_a_mapping_keeps_versions_and_rejects_an_invalid_one()
    {
        (await PutTenantAsync("iota")).EnsureSuccessStatusCode();
        var client = _host.Client(ApiHost.SupportKey);
        var current = await client.GetFromJsonAsync<JsonObject>("/api/v1/tenants/iota/mappings/products");
        var mapping = current!["mapping"]!.AsObject();
        mapping["fields"]!.AsArray().Add(new JsonObject { ["target"] = "status", ["enabled"] = true, ["rule"] = new JsonObject { ["kind"] = "constant", ["value"] = "enabled" } });

        var saved = await (await client.PutAsJsonAsync("/api/v1/tenants/iota/mappings/products", mapping)).Content.ReadFromJsonAsync<JsonObject>();
        var bad = await client.PutAsJsonAsync("/api/v1/tenants/iota/mappings/products",
            new { fields = new[] { new { target = "colour", enabled = true, rule = new { kind = "copy", path = "" } } } });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();

        Assert.Equal(0, (int)current["version"]!);
        Assert.Equal(1, (int)saved!["version"]!);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(errors, e => e.Key.StartsWith("fields[0].target", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Key.StartsWith("fields[0].rule.path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_single_record_resync_writes_that_record()
    {
        _host.Shop.Seed("shop", 3, 1);
        (await PutTenantAsync("kappa")).EnsureSuccessStatusCode();
        var client = _host.Client(ApiHost.SupportKey);
        await client.PostAsync("/api/v1/tenants/kappa/flows/products/runs?wait=true", null);

        var run = await (await client.PostAsync("/api/v1/tenants/kappa/flows/products/records/00002/resync", null)).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("singleRecord", (string)run!["mode"]!);
        Assert.Equal(1, (int)run["updated"]!);
    }

    [Fact]
    public async Task A_resync_of_a_record_nobody_has_answers_404_and_leaves_no_run()
    {
        _host.Shop.Seed("shop", 3, 1);
        (await PutTenantAsync("kappa-missing")).EnsureSuccessStatusCode();
        var client = _host.Client(ApiHost.SupportKey);
        await client.PostAsync("/api/v1/tenants/kappa-missing/flows/products/runs?wait=true", null);
        var runsBefore = (await client.GetFromJsonAsync<JsonArray>("/api/v1/tenants/kappa-missing/runs"))!.ToJsonString();

        var response = await client.PostAsync("/api/v1/tenants/kappa-missing/flows/products/records/no-such-item/resync", null);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-item", (string?)problem!["detail"]);
        Assert.Equal(runsBefore, (await client.GetFromJsonAsync<JsonArray>("/api/v1/tenants/kappa-missing/runs"))!.ToJsonString());
        // The flow is free again: a real resync runs at once.
        var again = await client.PostAsync("/api/v1/tenants/kappa-missing/flows/products/records/00002/resync", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Changing_a_flow_schedule_is_validated_and_applied()
    {
        (await PutTenantAsync("lambda")).EnsureSuccessStatusCode();
        var client = _host.Client(ApiHost.SupportKey);

        var bad = await client.PatchAsJsonAsync("/api/v1/tenants/lambda/flows/products", new { schedule = "every tuesday" });
        var good = await client.PatchAsJsonAsync("/api/v1/tenants/lambda/flows/products", new { schedule = "15", enabled = false });
        var flow = await good.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(("15", false), ((string)flow!["schedule"]!, (bool)flow["enabled"]!));
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted()
    {
        (await PutTenantAsync("mu")).EnsureSuccessStatusCode();

        var db = await File.ReadAllBytesAsync(await DatabaseFileAsync());

        Assert.DoesNotContain(Secret, System.Text.Encoding.UTF8.GetString(db));
    }

    private async Task<string> DatabaseFileAsync()
    {
        // Make sure every write reached the main file, not just the write-ahead log.
        await using var db = await _host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Koppel.Infrastructure.Persistence.KoppelDb>>().CreateDbContextAsync();
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "PRAGMA wal_checkpoint(FULL)");
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database));
        return builder.DataSource;
    }
}
