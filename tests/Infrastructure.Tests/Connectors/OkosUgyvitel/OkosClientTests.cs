using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Tests.Connectors.OkosUgyvitel;

public sealed class OkosClientTests
{
    private static JsonObject Order(string productId, string externalId, decimal quantity, string sequence = "SR", string warehouse = "1", string customerId = "") => new()
    {
        ["type"] = "order", ["numberingSequence"] = sequence, ["externalId"] = externalId, ["customerId"] = customerId,
        ["warehouseId"] = warehouse, ["date"] = "2026-12-01", ["currency"] = "HUF",
        ["lines"] = new JsonArray(new JsonObject { ["productId"] = productId, ["quantity"] = quantity, ["netUnitPrice"] = 1000, ["vatKey"] = "27%" }),
    };

    [Fact]
    public async Task The_set_up_call_creates_a_company_whose_master_data_the_client_reads()
    {
        await using var hub = await OkosHub.StartAsync();
        using var http = new HttpClient();
        var body = """{"apiKey":"k2","warehouses":[{"id":"W","name":"Fő"}],"numberingSequences":[{"code":"WEB","prefix":"W-"}],"vatKeys":[{"key":"27%","rate":27}]}""";
        using var response = await http.PutAsync($"{OkosSandbox.BaseUrl(hub.Hub.BaseAddress)}/companies/{OkosHub.Company}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var client = hub.Client("k2");
        Assert.Equal([("W", "Fő")], await client.WarehousesAsync(default));
        Assert.Equal([("WEB", "W-")], await client.NumberingSequencesAsync(default));
        Assert.Equal([("27%", 27m)], await client.VatKeysAsync(default));
    }

    [Fact]
    public async Task A_wrong_api_key_stops_the_run()
    {
        await using var hub = await OkosHub.StartAsync();
        var e = await Assert.ThrowsAsync<RunStopped>(() => hub.Client("nope").WarehousesAsync(default));
        Assert.Contains("API key", e.Message);
    }

    [Fact]
    public async Task Refusals_name_the_field_unknown_fields_and_unknown_vat_keys_included()
    {
        await using var hub = await OkosHub.StartAsync();
        var client = hub.Client();
        var unknown = await Assert.ThrowsAsync<OkosRefused>(() => client.CreateAsync("customers", new JsonObject { ["name"] = "X", ["mobile"] = "1" }, default));
        Assert.True(unknown.Errors.ContainsKey("mobile"));
        var vat = await Assert.ThrowsAsync<OkosRefused>(() => client.CreateAsync("products", new JsonObject { ["code"] = "A", ["name"] = "A", ["vatKey"] = "99%" }, default));
        Assert.Contains("99%", vat.Errors["vatKey"][0]);
    }

    [Fact]
    public async Task Customers_products_services_and_methods_are_found_by_their_keys()
    {
        await using var hub = await OkosHub.StartAsync();
        var client = hub.Client();
        await client.CreateAsync("customers", new JsonObject { ["name"] = "Kiss Éva", ["email"] = "eva@example.hu", ["webshopCustomerId"] = "sr1:501" }, default);
        await client.CreateAsync("products", new JsonObject { ["code"] = "KB-100", ["name"] = "Kerti szék", ["vatKey"] = "27%", ["netSalesPrice"] = 12000 }, default);
        await client.CreateAsync("services", new JsonObject { ["name"] = "Szállítási díj", ["vatKey"] = "27%" }, default);
        await client.CreateAsync("payment-methods", new JsonObject { ["name"] = "Utánvét" }, default);
        Assert.Single(await client.CustomersAsync("sr1:501", null, null, default));
        Assert.Empty(await client.CustomersAsync("sr2:501", null, null, default));
        Assert.Single(await client.CustomersAsync(null, "EVA@example.hu", "Kiss Éva", default));
        Assert.Single(await client.ProductsAsync("KB-100", default));
        Assert.Single(await client.ServicesAsync("Szállítási díj", default));
        Assert.Single(await client.PaymentMethodsAsync(default));
    }

    [Fact]
    public async Task Open_orders_reserve_stock_invoicing_takes_it_out_and_receipts_raise_it()
    {
        await using var hub = await OkosHub.StartAsync();
        var client = hub.Client();
        var customer = await client.CreateAsync("customers", new JsonObject { ["name"] = "Kiss Éva" }, default);
        var product = await client.CreateAsync("products", new JsonObject { ["code"] = "KB-100", ["name"] = "Kerti szék", ["vatKey"] = "27%" }, default);
        var productId = product["id"]!.ToString();
        await client.CreateDocumentAsync(new JsonObject { ["type"] = "receipt", ["warehouseId"] = "1", ["lines"] = new JsonArray(new JsonObject { ["productId"] = productId, ["quantity"] = 10 }) }, default);
        await client.CreateDocumentAsync(new JsonObject { ["type"] = "purchaseOrder", ["warehouseId"] = "1", ["lines"] = new JsonArray(new JsonObject { ["productId"] = productId, ["quantity"] = 4 }) }, default);
        var (orderId, number, existed) = await client.CreateDocumentAsync(Order(productId, "sr1:1", 3, customerId: customer["id"]!.ToString()), default);
        Assert.False(existed);
        Assert.Equal("SR-00001", number);

        var row = Assert.Single(await client.StockAsync("1", default));
        Assert.Equal((10m, 3m, 7m, 4m), (OkosClient.Number(row, "physical"), OkosClient.Number(row, "reserved"), OkosClient.Number(row, "free"), OkosClient.Number(row, "incoming")));

        await client.InvoiceAsync(orderId, default);
        row = Assert.Single(await client.StockAsync("1", default));
        Assert.Equal((7m, 0m, 7m), (OkosClient.Number(row, "physical"), OkosClient.Number(row, "reserved"), OkosClient.Number(row, "free")));
        Assert.Equal(1, (await client.DocumentsAsync("order", "invoiced", null, 1, 10, default)).Total);
    }

    [Fact]
    public async Task A_second_post_with_the_same_external_id_answers_the_existing_document()
    {
        await using var hub = await OkosHub.StartAsync();
        var client = hub.Client();
        var customer = await client.CreateAsync("customers", new JsonObject { ["name"] = "Kiss Éva" }, default);
        var product = await client.CreateAsync("products", new JsonObject { ["code"] = "KB-100", ["name"] = "Kerti szék", ["vatKey"] = "27%" }, default);
        var first = await client.CreateDocumentAsync(Order(product["id"]!.ToString(), "sr1:7", 1, customerId: customer["id"]!.ToString()), default);
        var second = await client.CreateDocumentAsync(Order(product["id"]!.ToString(), "sr1:7", 1, customerId: customer["id"]!.ToString()), default);
        Assert.True(second.Existed);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, (await client.DocumentsAsync("order", null, "sr1:7", 1, 10, default)).Total);
    }

    [Fact]
    public async Task The_change_feed_lists_stock_and_price_changes_after_a_cursor()
    {
        await using var hub = await OkosHub.StartAsync();
        hub.Sandbox.With(OkosHub.Company, c =>
        {
            c.CreateProduct("A", "A", 100);
            c.SetPhysical("A", "1", 5);
        });
        var client = hub.Client();
        var first = await client.ChangesAsync(null, default);
        var stock = Assert.Single(first);
        Assert.Equal(("stock", "A"), (stock["kind"]!.ToString(), stock["productCode"]!.ToString()));
        hub.Sandbox.With(OkosHub.Company, c => c.SetPrice("A", 120));
        var next = Assert.Single(await client.ChangesAsync(stock["cursor"]!.ToString(), default));
        Assert.Equal("price", next["kind"]!.ToString());
    }

    [Fact]
    public async Task Documents_page_from_one_with_a_total()
    {
        await using var hub = await OkosHub.StartAsync();
        var client = hub.Client();
        var customer = (await client.CreateAsync("customers", new JsonObject { ["name"] = "Kiss Éva" }, default))["id"]!.ToString();
        var product = (await client.CreateAsync("products", new JsonObject { ["code"] = "A", ["name"] = "A", ["vatKey"] = "27%" }, default))["id"]!.ToString();
        for (var i = 0; i < 5; i++) await client.CreateDocumentAsync(Order(product, $"x:{i}", 1, customerId: customer), default);
        var (items, total) = await client.DocumentsAsync("order", "open", null, 2, 2, default);
        Assert.Equal(5, total);
        Assert.Equal(["x:2", "x:3"], items.Select(d => d["externalId"]!.ToString()).ToList());
        Assert.Equal(5, (await client.AllDocumentsAsync("order", "open", default)).Count);
    }
}
