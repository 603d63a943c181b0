using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Reconciliation;

namespace Koppel.Portal.Tests.Api;

/// <summary>The reconciliation report through the API: compute, read the latest, download it as CSV; customers their own tenant only.</summary>
public sealed class ReconciliationApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task CreateAsync(string slug)
    {
        var response = await host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", new
        {
            name = $"Reconcile {slug}",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = host.ShopUrl, apiSecret = "reconcile-secret-314159" } },
            // Nameless items are sent, so the store refuses them: failing records with a reason.
            settings = new { pageSize = 5, skipNameless = false },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_report_computed_through_the_api_is_the_latest_and_counts_the_links_of_the_run()
    {
        await CreateAsync("alpha");
        var client = host.Client(ApiHost.AlphaKey);
        var before = await client.GetAsync("/api/v1/tenants/alpha/reconciliation");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        host.Shop.PutItem("REC-1", "Oak shelf", 40m);
        host.Shop.PutItem("REC-2", "Pine shelf", 30m);
        // The store refuses a product without a name: one failing record.
        host.Shop.PutItem("REC-3", null, 20m);
        var run = JsonNode.Parse(await (await client.PostAsync("/api/v1/tenants/alpha/flows/products/runs?wait=true", null)).Content.ReadAsStringAsync())!;
        Assert.Equal((2, 1), ((int)run["created"]!, (int)run["failed"]!));

        var computed = await client.PostAsync("/api/v1/tenants/alpha/reconciliation", null);
        var latest = await client.GetAsync("/api/v1/tenants/alpha/reconciliation");

        Assert.Equal(HttpStatusCode.OK, computed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        var report = JsonNode.Parse(await latest.Content.ReadAsStringAsync())!;
        Assert.Equal((string?)JsonNode.Parse(await computed.Content.ReadAsStringAsync())!["computedAt"], (string?)report["computedAt"]);
        var product = report["entities"]!.AsArray().Single(e => (string?)e!["entity"] == "product")!;
        Assert.Equal(2, (int)product["linked"]!);
        Assert.Equal(1, (int)product["failingTotal"]!);
        var reason = product["failing"]!.AsArray().Single()!;
        Assert.Equal(("products", 1), ((string?)reason["flow"], (int)reason["count"]!));
        Assert.Contains("name is required", (string?)reason["reason"]);
        // The test shop offers no count call: its sides are not counted, which is not zero.
        Assert.Null(product["sourceCount"]);
        Assert.Null(product["targetCount"]);
        Assert.Null(product["sourceOnly"]);
    }

    [Fact]
    public async Task The_csv_has_the_reports_columns_and_a_row_per_entity()
    {
        await CreateAsync("csv-shop");
        var client = host.Client(ApiHost.SupportKey);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/tenants/csv-shop/reconciliation", null)).StatusCode);

        var answer = await client.GetAsync("/api/v1/tenants/csv-shop/reconciliation.csv");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/csv", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", answer.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await answer.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ReconciliationCsv.Columns), lines[0]);
        var product = Assert.Single(lines, l => l.StartsWith("product,products,", StringComparison.Ordinal));
        Assert.Equal(ReconciliationCsv.Columns.Count, product.Split(',').Length);
        Assert.Contains(",not counted,", product);
    }

    [Fact]
    public async Task A_customer_key_gets_403_on_another_tenants_report_compute_and_csv()
    {
        await CreateAsync("beta");
        var alpha = host.Client(ApiHost.AlphaKey);

        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.GetAsync("/api/v1/tenants/beta/reconciliation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.PostAsync("/api/v1/tenants/beta/reconciliation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alpha.GetAsync("/api/v1/tenants/beta/reconciliation.csv")).StatusCode);
    }
}
