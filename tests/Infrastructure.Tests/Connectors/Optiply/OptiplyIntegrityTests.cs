using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

/// <summary>The rules Optiply's database enforces between resources: references, unique pairs, cycles, nested lines, cascades.</summary>
public sealed class OptiplyIntegrityTests
{
    private static JsonObject Envelope(string type, JsonObject attributes) =>
        new() { ["data"] = new JsonObject { ["type"] = type, ["attributes"] = attributes } };

    [Fact]
    public async Task Nested_order_lines_become_buy_order_lines_and_deleting_the_order_removes_them_with_their_receipts()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var product = optiply.Sandbox.Add(OptiplyHub.Account, "products", OptiplyHub.Product());
        var supplier = optiply.Sandbox.Add(OptiplyHub.Account, "suppliers", new JsonObject { ["name"] = "Bakker & Zn", ["deliveryTime"] = 3 });
        var (_, created, _) = await optiply.SendAsync(HttpMethod.Post, "buyOrders", Envelope("buyOrders", new JsonObject
        {
            ["placed"] = "2026-11-02T09:00:00Z", ["supplierId"] = supplier, ["totalValue"] = "60.00",
            ["orderLines"] = new JsonArray(new JsonObject { ["productId"] = product, ["quantity"] = 12, ["subtotalValue"] = 60.0 }),
        }));
        var order = (string)created!["data"]!["id"]!;
        var line = Assert.Single(optiply.Sandbox.BuyOrderLines(OptiplyHub.Account));
        optiply.Sandbox.Add(OptiplyHub.Account, "receiptLines", new JsonObject
        {
            ["buyOrderLineId"] = (string)line["id"]!, ["quantity"] = 12, ["occurred"] = "2026-11-05T10:00:00Z",
        });

        var (status, _, _) = await optiply.SendAsync(HttpMethod.Delete, $"buyOrders/{order}");

        Assert.Equal(204, status);
        Assert.Equal("2026-11-05T09:00:00.000+00:00", (string?)line["expectedDeliveryDate"]);
        Assert.Empty(optiply.Sandbox.BuyOrderLines(OptiplyHub.Account));
        Assert.Empty(optiply.Sandbox.Records(OptiplyHub.Account, "receiptLines"));
    }

    [Fact]
    public async Task A_second_supplier_product_for_the_same_pair_answers_409()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var product = optiply.Sandbox.Add(OptiplyHub.Account, "products", OptiplyHub.Product());
        var supplier = optiply.Sandbox.Add(OptiplyHub.Account, "suppliers", new JsonObject { ["name"] = "Bakker & Zn" });
        var pair = new JsonObject { ["name"] = "Koffiebonen", ["productId"] = product, ["supplierId"] = supplier };
        optiply.Sandbox.Add(OptiplyHub.Account, "supplierProducts", pair);

        var (status, _, _) = await optiply.SendAsync(HttpMethod.Post, "supplierProducts", Envelope("supplierProducts", pair));

        Assert.Equal(409, status);
    }

    [Fact]
    public async Task A_composition_the_other_way_round_is_refused()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var box = optiply.Sandbox.Add(OptiplyHub.Account, "products", OptiplyHub.Product("Koffiepakket", "KP-1"));
        var beans = optiply.Sandbox.Add(OptiplyHub.Account, "products", OptiplyHub.Product());
        optiply.Sandbox.Add(OptiplyHub.Account, "productCompositions",
            new JsonObject { ["composedProductId"] = box, ["partProductId"] = beans, ["partQuantity"] = 2 });

        var (status, body, _) = await optiply.SendAsync(HttpMethod.Post, "productCompositions", Envelope("productCompositions",
            new JsonObject { ["composedProductId"] = beans, ["partProductId"] = box, ["partQuantity"] = 1 }));

        Assert.Equal(400, status);
        Assert.StartsWith("partProductId", (string?)body!["errors"]![0]!["detail"]);
    }

    [Fact]
    public async Task Sell_order_lines_are_accepted_flat_or_wrapped_in_type_and_attributes()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var product = optiply.Sandbox.Add(OptiplyHub.Account, "products", OptiplyHub.Product());
        var flat = new JsonObject { ["productId"] = product, ["quantity"] = 2, ["subtotalValue"] = 25.0 };
        var wrapped = new JsonObject { ["type"] = "sellOrderLines", ["attributes"] = new JsonObject { ["productId"] = product, ["quantity"] = 1, ["subtotalValue"] = "12.50" } };

        var (status, _, _) = await optiply.SendAsync(HttpMethod.Post, "sellOrders", Envelope("sellOrders", new JsonObject
        {
            ["placed"] = "2026-11-10T14:30:00Z", ["completed"] = "2026-11-11T09:00:00Z", ["totalValue"] = 37.5, ["remoteId"] = "so-1",
            ["orderLines"] = new JsonArray(flat, wrapped),
        }));

        Assert.Equal(201, status);
        Assert.Equal(2, optiply.Sandbox.Records(OptiplyHub.Account, "sellOrderLines").Count);
    }

    [Fact]
    public async Task An_order_line_missing_its_product_is_refused_naming_the_line_and_nothing_is_stored()
    {
        await using var optiply = await OptiplyHub.StartAsync();

        var (status, body, _) = await optiply.SendAsync(HttpMethod.Post, "sellOrders", Envelope("sellOrders", new JsonObject
        {
            ["placed"] = "2026-11-10T14:30:00Z", ["totalValue"] = 10,
            ["orderLines"] = new JsonArray(new JsonObject { ["quantity"] = 1, ["subtotalValue"] = 10 }),
        }));

        Assert.Equal(400, status);
        Assert.Equal("orderLines[0].productId must not be null", (string?)body!["errors"]![0]!["detail"]);
        Assert.Empty(optiply.Sandbox.SellOrders(OptiplyHub.Account));
    }
}
