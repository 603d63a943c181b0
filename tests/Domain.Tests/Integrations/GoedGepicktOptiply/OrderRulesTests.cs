using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.GoedGepicktOptiply;

public sealed class OrderRulesTests
{
    private static JsonObject Line(string product, int quantity, string total, string type = "normal") => new()
    {
        ["productUuid"] = product, ["sku"] = product.ToUpperInvariant(), ["productQuantity"] = quantity, ["totalPrice"] = total, ["type"] = type,
    };

    [Fact]
    public void A_product_twice_in_an_order_is_one_line_with_the_sums_and_bundle_heads_are_left_out()
    {
        var order = new JsonObject
        {
            ["createDate"] = "2026-03-02T10:15:00+01:00",
            ["products"] = new JsonArray(Line("a", 2, "20.00"), Line("b", 1, "5.50"), Line("a", 1, "10.00"), Line("set", 1, "30.00", "parent")),
        };

        var data = Assert.IsType<RuleDecision.Keep>(new SellOrderLines().Apply(order)).Data;

        var lines = data["OrderLines"]!.AsArray();
        Assert.Equal(["a:3:30.00", "b:1:5.50"], lines.Select(l => $"{l!["productUuid"]}:{l["quantity"]}:{(decimal)l["subtotalValue"]!:0.00}"));
        Assert.Equal(35.50m, (decimal)data["LinesTotal"]!);
        Assert.Equal("2026-03-02T09:15:00Z", (string?)data["Placed"]);
    }

    [Theory]
    [InlineData("2025-12-31T22:30:00+00:00", true)]   // 23:30 in Amsterdam on the 31st
    [InlineData("2025-12-31T23:30:00+00:00", false)]  // 00:30 in Amsterdam on the 1st
    [InlineData("2026-06-30T22:30:00+00:00", false)]
    public void Orders_before_the_start_date_in_Amsterdam_are_skipped_silently(string created, bool skipped)
    {
        var decision = new SkipOrdersBefore(new DateOnly(2026, 1, 1)).Apply(new JsonObject { ["createDate"] = created });
        Assert.Equal(skipped, decision is RuleDecision.Skip { Log: false });
    }

    [Fact]
    public void An_order_before_the_start_date_names_sellOrders_since_and_one_without_a_date_names_nothing()
    {
        var rule = new SkipOrdersBefore(new DateOnly(2026, 1, 1));

        var early = Assert.IsType<RuleDecision.Skip>(rule.Apply(new JsonObject { ["createDate"] = "2025-06-01T10:00:00+00:00" }));
        var undated = Assert.IsType<RuleDecision.Skip>(rule.Apply(new JsonObject()));

        Assert.Equal("sellOrders.since", early.Setting);
        // A missing order date is the source's problem: no option of the tenant changes it.
        Assert.Null(undated.Setting);
    }

    [Fact]
    public void A_cancelled_order_is_deleted() =>
        Assert.IsType<RuleDecision.Delete>(new DeleteCancelledOrder().Apply(new JsonObject { ["status"] = "cancelled" }));

    [Fact]
    public void Buy_order_lines_go_to_GoedGepickt_by_SKU_and_wait_when_a_SKU_is_missing()
    {
        var order = new JsonObject
        {
            ["Lines"] = new JsonArray(
                new JsonObject { ["productId"] = "1", ["quantity"] = 6, ["SkuCode"] = "GG-2" },
                new JsonObject { ["productId"] = "2", ["quantity"] = 12, ["SkuCode"] = "GG-1" },
                new JsonObject { ["productId"] = "1", ["quantity"] = 6, ["SkuCode"] = "GG-2" }),
        };
        var data = Assert.IsType<RuleDecision.Keep>(new PurchaseOrderLinesBySku().Apply(order)).Data;
        Assert.Equal(["GG-1:12", "GG-2:12"], data["GgLines"]!.AsArray().Select(l => $"{l!["sku"]}:{l["quantity"]}"));

        order["Lines"]!.AsArray().Add(new JsonObject { ["productId"] = "9", ["quantity"] = 1, ["SkuCode"] = null });
        Assert.Contains("9", Assert.IsType<RuleDecision.Retry>(new PurchaseOrderLinesBySku().Apply(order)).Reason);
    }

    [Theory]
    [InlineData(5, 0, 5)]
    [InlineData(8, 5, 3)]
    [InlineData(8, 8, 0)]
    [InlineData(3, 5, 0)]
    public void Only_the_increase_since_the_last_report_is_a_receipt(int received, int reported, int increase) =>
        Assert.Equal(increase, PurchaseOrderReceipts.Increase(received, reported));

    [Fact]
    public void A_completed_purchase_order_says_so()
    {
        var data = Assert.IsType<RuleDecision.Keep>(new PurchaseOrderReceipts().Apply(new JsonObject
        {
            ["status"] = "completed",
            ["lines"] = new JsonArray(new JsonObject { ["uuid"] = "l1", ["sku"] = "GG-1", ["quantity"] = 12, ["receivedQuantity"] = 12 }),
        })).Data;
        Assert.True((bool)data["Completed"]!);
        Assert.Equal(12, (int)data["Received"]![0]!["receivedQuantity"]!);
    }
}
