using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

public sealed class BuyOrdersAndReceiptsFlowTests
{
    private const string Gg = GoedGepicktOptiplyHub.GgAccount;

    /// <summary>Synced master data and a buy order made in Optiply: 12 x GG-1 and 6 x GG-2 from Koffie BV.</summary>
    private static async Task<(string BuyOrderId, JsonObject Supplier)> BuyOrderAsync(GoedGepicktOptiplyHub hub)
    {
        var supplier = hub.Supplier("Koffie BV");
        var first = hub.Product("GG-1", supplier);
        var second = hub.Product("GG-2", supplier);
        await hub.NightlyAsync();
        string Id(string type, JsonObject record) => (string)hub.OptiplyByRemoteId(type, record["uuid"]!.ToString())!["id"]!;
        var id = hub.Optiply.Add(GoedGepicktOptiplyHub.Account, "buyOrders", new JsonObject
        {
            ["placed"] = "2026-03-01T08:00:00Z", ["supplierId"] = long.Parse(Id("suppliers", supplier)), ["totalValue"] = 76.5,
            ["orderLines"] = new JsonArray(
                new JsonObject { ["productId"] = long.Parse(Id("products", first)), ["quantity"] = 12, ["subtotalValue"] = 51.0 },
                new JsonObject { ["productId"] = long.Parse(Id("products", second)), ["quantity"] = 6, ["subtotalValue"] = 25.5 }),
        });
        return (id, supplier);
    }

    [Fact]
    public async Task A_new_Optiply_buy_order_becomes_one_GoedGepickt_purchase_order_and_its_uuid_is_written_back()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var (buyOrderId, supplier) = await BuyOrderAsync(hub);

        var run = await hub.RunAsync("buy-orders");

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Created));
        var order = Assert.Single(hub.GoedGepickt.PurchaseOrders(Gg));
        Assert.Equal(buyOrderId, (string?)order["reference"]);
        Assert.Equal(supplier["uuid"]!.ToString(), (string?)order["supplierUuid"]);
        Assert.Equal(["GG-1:12", "GG-2:6"], order["lines"]!.AsArray().Select(l => $"{l!["sku"]}:{l["quantity"]}"));
        var marked = hub.Optiply.BuyOrders(GoedGepicktOptiplyHub.Account).Single();
        Assert.Equal(order["uuid"]!.ToString(), (string?)marked["remoteIdMap"]!["1"]);

        await hub.RunAsync("buy-orders");
        Assert.Single(hub.GoedGepickt.PurchaseOrders(Gg));
    }

    [Fact]
    public async Task A_purchase_order_created_before_a_crash_is_found_by_its_reference_and_not_created_twice()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var (buyOrderId, _) = await BuyOrderAsync(hub);
        // The hub posted the purchase order, then stopped before writing the uuid back to Optiply.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", GoedGepicktOptiplyHub.ApiKey);
        var answer = await http.PostAsJsonAsync(GoedGepicktSandbox.BaseUrl(hub.Hub.BaseAddress) + "/purchaseorders",
            new JsonObject { ["reference"] = buyOrderId, ["lines"] = new JsonArray(new JsonObject { ["sku"] = "GG-1", ["quantity"] = 12 }) });
        var uuid = (string)(await answer.Content.ReadFromJsonAsync<JsonObject>())!["purchaseOrderUuid"]!;

        var run = await hub.RunAsync("buy-orders");

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(uuid, (string?)Assert.Single(hub.GoedGepickt.PurchaseOrders(Gg))["uuid"]);
        Assert.Equal(uuid, (string?)hub.Optiply.BuyOrders(GoedGepicktOptiplyHub.Account).Single()["remoteIdMap"]!["1"]);
    }

    [Fact]
    public async Task Receipts_report_only_the_increase_and_completion_completes_the_buy_order()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        await BuyOrderAsync(hub);
        await hub.RunAsync("buy-orders");
        var purchaseOrder = hub.GoedGepickt.PurchaseOrders(Gg).Single()["uuid"]!.ToString();
        var lines = hub.Optiply.BuyOrderLines(GoedGepicktOptiplyHub.Account);
        var products = hub.Optiply.Products(GoedGepicktOptiplyHub.Account);
        string LineOf(string sku) => (string)lines.Single(l => l["productId"]!.ToString() == (string?)products.Single(p => (string?)p["skuCode"] == sku)["id"])["id"]!;
        int[] Receipts(string sku) => hub.Optiply.Records(GoedGepicktOptiplyHub.Account, "receiptLines")
            .Where(r => r["buyOrderLineId"]!.ToString() == LineOf(sku)).Select(r => (int)r["quantity"]!).ToArray();

        hub.GoedGepickt.Receive(Gg, purchaseOrder, "GG-1", 5);
        await hub.RunAsync("receipts");
        Assert.Equal([5], Receipts("GG-1"));
        Assert.Empty(Receipts("GG-2"));

        hub.GoedGepickt.Receive(Gg, purchaseOrder, "GG-1", 3);
        hub.GoedGepickt.Receive(Gg, purchaseOrder, "GG-2", 6);
        await hub.RunAsync("receipts");
        Assert.Equal([5, 3], Receipts("GG-1"));
        Assert.Equal([6], Receipts("GG-2"));

        var writes = hub.Optiply.Writes;
        await hub.RunAsync("receipts");
        Assert.Equal(writes, hub.Optiply.Writes);
        Assert.Null(hub.Optiply.BuyOrders(GoedGepicktOptiplyHub.Account).Single()["completed"]);

        hub.GoedGepickt.CompletePurchaseOrder(Gg, purchaseOrder);
        await hub.RunAsync("receipts");
        Assert.NotNull(hub.Optiply.BuyOrders(GoedGepicktOptiplyHub.Account).Single()["completed"]);
        Assert.Equal([5, 3], Receipts("GG-1"));
    }
}
