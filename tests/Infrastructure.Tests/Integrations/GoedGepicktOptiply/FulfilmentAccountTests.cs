using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

/// <summary>
/// One GoedGepickt account serving two fulfilment customers, the tenant being one of them: only its own products,
/// stock and orders reach Optiply, whether a record comes from a filtered list or from a webhook's single read.
/// </summary>
public sealed class FulfilmentAccountTests
{
    private const string Mine = "0f3c1a52-1111-4c3e-9a51-000000000001";
    private const string Other = "0f3c1a52-2222-4c3e-9a51-000000000002";
    private const string Gg = GoedGepicktOptiplyHub.GgAccount;

    private static JsonObject Order(GoedGepicktOptiplyHub hub, string number, JsonObject product, string customer) =>
        hub.GoedGepickt.AddOrder(Gg, new JsonObject
        {
            ["orderNumber"] = number, ["createDate"] = "2026-03-02T10:15:00+01:00", ["totalPaid"] = "12.50", ["fulfilmentCustomerUuid"] = customer,
            ["products"] = new JsonArray(new JsonObject
            {
                ["productUuid"] = product["uuid"]!.ToString(), ["sku"] = product["sku"]!.ToString(), ["productName"] = product["name"]!.ToString(),
                ["productQuantity"] = 1, ["type"] = "normal", ["price"] = "12.50", ["totalPrice"] = "12.50",
            }),
        }, fire: false);

    [Fact]
    public async Task Only_the_own_customers_orders_become_sell_orders()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync(fulfilmentCustomer: Mine);
        var own = hub.Product("OWN-1", customer: Mine);
        var theirs = hub.Product("OTHER-1", customer: Other);
        await hub.RunAsync("products");
        var ownOrder = Order(hub, "WS-1", own, Mine);
        var otherOrder = Order(hub, "WS-2", theirs, Other);

        var run = await hub.RunAsync("sell-orders");

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var sale = Assert.Single(hub.Optiply.SellOrders(GoedGepicktOptiplyHub.Account));
        Assert.Equal(ownOrder["uuid"]!.ToString(), (string?)sale["remoteIdMap"]!["1"]);
        Assert.Contains(hub.GoedGepickt.Requests, r => r.StartsWith("GET /sandbox/goedgepickt/api/v1/orders?", StringComparison.Ordinal) && r.Contains($"fulfilmentCustomerUuid={Mine}"));

        // GG delivers orderStatusChanged for every order of the account; the other customer's is re-read and left out.
        var writes = hub.Optiply.Writes;
        var single = await hub.RunOneAsync("sell-orders", otherOrder["uuid"]!.ToString());
        Assert.Equal((RunStatus.Succeeded, 0), (single.Status, single.Created + single.Updated));
        Assert.Equal(writes, hub.Optiply.Writes);
        Assert.Null(hub.OptiplyByRemoteId("sellOrders", otherOrder["uuid"]!.ToString()));
    }

    [Fact]
    public async Task A_stock_or_product_change_of_the_other_customer_writes_nothing()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync(fulfilmentCustomer: Mine);
        var own = hub.Product("OWN-1", customer: Mine, freeStock: 5);
        var theirs = hub.Product("OTHER-1", customer: Other, freeStock: 5);
        await hub.RunAsync("products");
        hub.GoedGepickt.SetFreeStock(Gg, own["uuid"]!.ToString(), 8);
        hub.GoedGepickt.SetFreeStock(Gg, theirs["uuid"]!.ToString(), 8);
        hub.GoedGepickt.ChangeProduct(Gg, theirs["uuid"]!.ToString(), p => p["name"] = "Not ours");
        var writes = hub.Optiply.Writes;

        await hub.RunOneAsync("stocks", theirs["uuid"]!.ToString());
        await hub.RunOneAsync("product-changes", theirs["uuid"]!.ToString());
        Assert.Equal(writes, hub.Optiply.Writes);
        await hub.RunOneAsync("stocks", own["uuid"]!.ToString());

        Assert.Equal(writes + 1, hub.Optiply.Writes);
        var only = Assert.Single(hub.Optiply.Products(GoedGepicktOptiplyHub.Account));
        Assert.Equal((own["uuid"]!.ToString(), 8), ((string?)only["remoteIdMap"]!["1"], (int)only["stockLevel"]!));
    }
}
