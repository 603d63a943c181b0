using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

public sealed class SellOrdersFlowTests
{
    private static JsonObject Line(JsonObject product, int quantity, string total, string type = "normal") => new()
    {
        ["productUuid"] = product["uuid"]!.ToString(), ["sku"] = product["sku"]!.ToString(), ["productName"] = product["name"]!.ToString(),
        ["productQuantity"] = quantity, ["type"] = type, ["price"] = "1.00", ["totalPrice"] = total,
    };

    [Fact]
    public async Task A_new_order_becomes_one_sell_order_with_a_line_per_product_and_no_bundle_heads()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var coffee = hub.Product("GG-1");
        var tea = hub.Product("GG-2");
        var bundle = hub.Product("BUNDLE-1", type: "parent");
        await hub.RunAsync("products");
        var order = hub.GoedGepickt.AddOrder(GoedGepicktOptiplyHub.GgAccount, new JsonObject
        {
            ["orderNumber"] = "WS-1001", ["status"] = "processing", ["createDate"] = "2026-03-02T10:15:00+01:00", ["totalPaid"] = "61.00",
            ["products"] = new JsonArray(Line(coffee, 2, "25.00"), Line(tea, 1, "11.00"), Line(coffee, 1, "12.50"), Line(bundle, 1, "12.50", "parent")),
        }, fire: false);

        var run = await hub.RunAsync("sell-orders");

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var sale = hub.OptiplyByRemoteId("sellOrders", order["uuid"]!.ToString())!;
        Assert.Equal(61.00m, decimal.Parse((string)sale["totalValue"]!, CultureInfo.InvariantCulture));
        Assert.StartsWith("2026-03-02T09:15:00", (string?)sale["placed"]);
        var lines = hub.Optiply.Records(GoedGepicktOptiplyHub.Account, "sellOrderLines").Where(l => l["sellOrderId"]!.ToString() == (string?)sale["id"]).ToList();
        Assert.Equal(2, lines.Count);
        var coffeeId = (string)hub.OptiplyByRemoteId("products", coffee["uuid"]!.ToString())!["id"]!;
        var coffeeLine = lines.Single(l => l["productId"]!.ToString() == coffeeId);
        Assert.Equal(3, (int)coffeeLine["quantity"]!);
        Assert.Equal(37.50m, decimal.Parse(coffeeLine["subtotalValue"]!.ToString(), CultureInfo.InvariantCulture));

        var writes = hub.Optiply.Writes;
        await hub.RunAsync("sell-orders");
        Assert.Equal(writes, hub.Optiply.Writes);
    }

    [Fact]
    public async Task A_cancelled_order_is_removed_from_Optiply_and_orders_before_the_start_date_are_never_sent()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var coffee = hub.Product("GG-1");
        await hub.RunAsync("products");
        var kept = hub.GoedGepickt.AddOrder(GoedGepicktOptiplyHub.GgAccount, new JsonObject
        {
            ["orderNumber"] = "WS-1", ["createDate"] = "2026-02-01T12:00:00+01:00", ["products"] = new JsonArray(Line(coffee, 1, "12.50")),
        }, fire: false);
        // 23:30 on 31 December in Amsterdam is still before the start date of 1 January, although UTC says otherwise.
        var early = hub.GoedGepickt.AddOrder(GoedGepicktOptiplyHub.GgAccount, new JsonObject
        {
            ["orderNumber"] = "WS-0", ["createDate"] = "2025-12-31T22:30:00+00:00", ["products"] = new JsonArray(Line(coffee, 1, "12.50")),
        }, fire: false);
        await hub.RunAsync("sell-orders");
        Assert.NotNull(hub.OptiplyByRemoteId("sellOrders", kept["uuid"]!.ToString()));
        Assert.Null(hub.OptiplyByRemoteId("sellOrders", early["uuid"]!.ToString()));

        hub.GoedGepickt.SetOrderStatus(GoedGepicktOptiplyHub.GgAccount, kept["uuid"]!.ToString(), "cancelled");
        var run = await hub.RunAsync("sell-orders");

        Assert.Equal(1, run.Deleted);
        Assert.Empty(hub.Optiply.SellOrders(GoedGepicktOptiplyHub.Account));
    }
}
