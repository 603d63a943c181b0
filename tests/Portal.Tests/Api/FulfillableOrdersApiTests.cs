using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Api;

/// <summary>
/// GET /api/v1/tenants/{tenant}/fulfillable-orders and its packing summary and purchase list, read live from the
/// Okos-Ügyvitel emulator. Stock in warehouse 1: A 5, B 1 (minimum 2, supplier Nagyker). Open orders, oldest first:
/// SR-00001 A×3; SR-00002 A×4 + B×1 (A short by 2: not fulfillable, takes nothing); SR-00003 A×2 + B×1 (fulfillable).
/// </summary>
public sealed class FulfillableOrdersApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<(string Slug, OkosClient Erp, List<string> Orders)> TenantAsync(string slug)
    {
        var erp = await WebshopsTenants.CreateAsync(host, slug);
        host.Services.GetRequiredService<OkosSandbox>().With(erp.Account.CompanyId, c =>
        {
            c.CreateProduct("A", "Kerti szék", 12000);
            c.CreateProduct("B", "Kerti asztal", 30000, minimumStock: 2, supplier: "Nagyker", supplierItemCode: "NK-B");
            c.SetPhysical("A", "1", 5);
            c.SetPhysical("B", "1", 1);
        });
        var customer = OkosClient.Text(await erp.CreateAsync("customers", new JsonObject { ["name"] = "Kovács Anna" }, default), "id");
        var products = (await erp.ProductsAsync(null, default)).ToDictionary(p => OkosClient.Text(p, "code"), p => OkosClient.Text(p, "id"));
        var orders = new List<string>();
        foreach (var (day, lines) in new[] { (1, new[] { ("A", 3) }), (2, [("A", 4), ("B", 1)]), (3, [("A", 2), ("B", 1)]) })
        {
            var document = new JsonObject
            {
                ["type"] = "order", ["numberingSequence"] = "SR", ["customerId"] = customer, ["warehouseId"] = "1", ["date"] = $"2026-12-0{day}T10:00:00",
                ["lines"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["productId"] = products[l.Item1], ["quantity"] = l.Item2 }).ToArray()),
            };
            orders.Add((await erp.CreateDocumentAsync(document, default)).Id);
        }
        return (slug, erp, orders);
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var answer = await host.Client(ApiHost.SupportKey).SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == expected, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static JsonObject Selection(params string[] ids) => new() { ["documentIds"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray()) };

    [Fact]
    public async Task Open_orders_are_listed_oldest_first_and_an_order_that_cannot_be_served_in_full_takes_nothing()
    {
        var (slug, erp, orders) = await TenantAsync("ff-list");

        var answer = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{slug}/fulfillable-orders");

        var listed = answer["orders"]!.AsArray().Select(o => ((string)o!["number"]!, (bool)o["fulfillable"]!)).ToList();
        Assert.Equal([("SR-00001", true), ("SR-00002", false), ("SR-00003", true)], listed);
        Assert.Equal(2m, (decimal)answer["orders"]![1]!["missing"]!["A"]!);

        // Invoicing the first takes its stock out: A 2 left, still too little for the second, enough for the third.
        await erp.InvoiceAsync(orders[0], default);
        var after = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{slug}/fulfillable-orders");
        Assert.Equal([("SR-00002", false), ("SR-00003", true)], after["orders"]!.AsArray().Select(o => ((string)o!["number"]!, (bool)o["fulfillable"]!)).ToList());
    }

    [Fact]
    public async Task The_packing_summary_sums_each_product_over_the_selected_fulfillable_orders_also_as_CSV()
    {
        var (slug, _, orders) = await TenantAsync("ff-pack");

        var answer = await SendAsync(HttpMethod.Post, $"/api/v1/tenants/{slug}/fulfillable-orders/packing-summary", Selection(orders[0], orders[2]));
        var refused = await SendAsync(HttpMethod.Post, $"/api/v1/tenants/{slug}/fulfillable-orders/packing-summary", Selection(orders[1]), HttpStatusCode.BadRequest);
        var csv = await host.Client(ApiHost.SupportKey).PostAsJsonAsync($"/api/v1/tenants/{slug}/fulfillable-orders/packing-summary?format=csv", Selection(orders[0], orders[2]));

        var rows = answer["rows"]!.AsArray();
        Assert.Equal([("A", 5m), ("B", 1m)], rows.Select(r => ((string)r!["productCode"]!, (decimal)r["quantity"]!)).ToList());
        Assert.Equal(["SR-00001", "SR-00003"], rows[0]!["orderNumbers"]!.AsArray().Select(n => (string)n!));
        Assert.Contains("SR-00002", refused["errors"]!["documentIds"]![0]!.ToString());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Product code;Name;Quantity;Orders\nA;Kerti szék;5;SR-00001, SR-00003\nB;Kerti asztal;1;SR-00003\n", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_purchase_list_of_the_unfulfillable_orders_names_what_to_buy_and_from_whom()
    {
        var (slug, _, orders) = await TenantAsync("ff-buy");

        var answer = await SendAsync(HttpMethod.Post, $"/api/v1/tenants/{slug}/fulfillable-orders/purchase-list", Selection(orders[1]));

        var rows = answer["rows"]!.AsArray().OfType<JsonObject>().ToDictionary(r => (string)r["productCode"]!);
        // A: reserved 9 by the three open orders, physical 5 -> buy 4. B: reserved 2 + minimum 2 - physical 1 -> buy 3.
        Assert.Equal((5m, 9m, -4m, 4m), ((decimal)rows["A"]["physical"]!, (decimal)rows["A"]["reserved"]!, (decimal)rows["A"]["free"]!, (decimal)rows["A"]["toPurchase"]!));
        Assert.Equal((3m, "Nagyker", "NK-B"), ((decimal)rows["B"]["toPurchase"]!, (string?)rows["B"]["supplier"], (string?)rows["B"]["supplierItemCode"]));
    }

    [Fact]
    public async Task The_purchase_list_comes_as_CSV_in_the_pages_columns()
    {
        var (slug, _, orders) = await TenantAsync("ff-buy-csv");

        var csv = await host.Client(ApiHost.SupportKey).PostAsJsonAsync($"/api/v1/tenants/{slug}/fulfillable-orders/purchase-list?format=csv", Selection(orders[1]));

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Product code;Name;Physical;Reserved;Free;Minimum stock;Incoming;To purchase;Supplier;Supplier item code\n"
                     + "A;Kerti szék;5;9;-4;0;0;4;;\n"
                     + "B;Kerti asztal;1;2;-1;2;0;3;Nagyker;NK-B\n", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tenant_of_another_integration_has_no_fulfillable_orders()
    {
        var slug = await GoedGepicktTenants.CreateAsync(host, "ff-other", "gg-ff", "gg-ff-key", "3301");

        var answer = await host.Client(ApiHost.SupportKey).GetAsync($"/api/v1/tenants/{slug}/fulfillable-orders");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }
}
