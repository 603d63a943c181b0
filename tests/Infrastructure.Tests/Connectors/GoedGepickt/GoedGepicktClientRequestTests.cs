using System.Text.Json.Nodes;
using Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

namespace Koppel.Infrastructure.Tests.Connectors.GoedGepickt;

/// <summary>Every request the hub's GoedGepickt client builds, in every flow, uses only endpoints and parameters of the field reference.</summary>
public sealed class GoedGepicktClientRequestTests
{
    [Fact]
    public async Task Every_request_of_every_flow_is_in_the_field_reference()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var supplier = hub.Supplier("Koffie BV");
        var product = hub.Product("GG-1", supplier);
        await hub.NightlyAsync();
        hub.GoedGepickt.AddOrder(GoedGepicktOptiplyHub.GgAccount, new JsonObject
        {
            ["orderNumber"] = "WS-1", ["createDate"] = "2026-02-01T12:00:00+01:00",
            ["products"] = new JsonArray(new JsonObject { ["productUuid"] = product["uuid"]!.ToString(), ["sku"] = "GG-1", ["productQuantity"] = 1, ["type"] = "normal", ["price"] = "1.00", ["totalPrice"] = "1.00" }),
        }, fire: false);
        var productId = long.Parse((string)hub.OptiplyByRemoteId("products", product["uuid"]!.ToString())!["id"]!);
        var supplierId = long.Parse((string)hub.OptiplyByRemoteId("suppliers", supplier["uuid"]!.ToString())!["id"]!);
        hub.Optiply.Add(GoedGepicktOptiplyHub.Account, "buyOrders", new JsonObject
        {
            ["placed"] = "2026-03-01T08:00:00Z", ["supplierId"] = supplierId, ["totalValue"] = 1,
            ["orderLines"] = new JsonArray(new JsonObject { ["productId"] = productId, ["quantity"] = 1, ["subtotalValue"] = 1 }),
        });
        foreach (var flow in new[] { "sell-orders", "buy-orders", "receipts" }) await hub.RunAsync(flow);
        await hub.RunOneAsync("stocks", product["uuid"]!.ToString());
        await hub.RunOneAsync("product-changes", product["uuid"]!.ToString());

        const string root = "/sandbox/goedgepickt/api/v1";
        var requests = hub.GoedGepickt.Requests.ToList();
        Assert.Contains(requests, r => r.StartsWith($"POST {root}/purchaseorders", StringComparison.Ordinal));
        foreach (var request in requests)
        {
            var (method, target) = (request.Split(' ')[0], request.Split(' ')[1]);
            var uri = new Uri("http://x" + target);
            var keys = System.Web.HttpUtility.ParseQueryString(uri.Query).AllKeys.OfType<string>();
            Assert.True(GoedGepicktReference.Allows(method, uri.AbsolutePath[root.Length..], keys), $"{request} is not in the field reference");
        }
    }
}
