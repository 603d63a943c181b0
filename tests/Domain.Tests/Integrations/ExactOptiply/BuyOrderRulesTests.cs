using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.ExactOptiply;

public sealed class BuyOrderRulesTests
{
    [Theory]
    // Friday: the next working day is Monday; Saturday and Sunday too.
    [InlineData("2026-11-20", null, ReceiptDateRule.NextWorkingDay, "2026-11-23")]
    [InlineData("2026-11-21", null, ReceiptDateRule.NextWorkingDay, "2026-11-23")]
    [InlineData("2026-11-22", null, ReceiptDateRule.NextWorkingDay, "2026-11-23")]
    [InlineData("2026-11-23", null, ReceiptDateRule.NextWorkingDay, "2026-11-24")]
    [InlineData("2026-11-21", null, ReceiptDateRule.SyncTime, "2026-11-21")]
    // Delivery time is in calendar days, weekends included, whatever the option.
    [InlineData("2026-11-20", 1, ReceiptDateRule.NextWorkingDay, "2026-11-21")]
    [InlineData("2026-11-20", 14, ReceiptDateRule.SyncTime, "2026-12-04")]
    // 0 is no delivery time (Optiply writers turn 0 into null).
    [InlineData("2026-11-20", 0, ReceiptDateRule.SyncTime, "2026-11-20")]
    public void Receipt_date_for_Exact(string syncDay, int? deliveryTime, ReceiptDateRule rule, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ReceiptDateForExact.Compute(DateOnly.Parse(syncDay), deliveryTime, rule));

    [Theory]
    [InlineData("PurchaseOrder", 10, 10, false)]
    [InlineData("PurchaseOrder", 20, 20, false)]
    [InlineData("PurchaseOrder", 30, 30, true)]
    [InlineData("PurchaseOrder", 40, 10, true)]
    [InlineData("PurchaseOrder", 20, 30, true)]
    [InlineData("PurchaseOrder", 20, 40, true)]
    [InlineData("AssemblyOrder", 30, null, false)]
    [InlineData("AssemblyOrder", 50, null, true)]
    public void An_order_is_complete_at_the_seeds_statuses(string kind, int orderStatus, int? receiptStatus, bool done)
    {
        var data = new JsonObject { ["Kind"] = kind, ["OrderStatus"] = orderStatus, ["ReceiptStatus"] = receiptStatus };
        var kept = Assert.IsType<RuleDecision.Keep>(new BuyOrderCompletion(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero)).Apply(data));
        Assert.Equal(done ? "2026-11-20T10:00:00Z" : null, kept.Data["CompletedAt"]?.ToString());
    }

    [Fact]
    public void Lines_for_Exact_are_sorted_by_SKU_and_divided_by_the_lot_size_with_lots_on()
    {
        var data = new JsonObject
        {
            ["ExactSupplierId"] = "5b8c0a3e-2b77-4a0e-9f6a-0c1d2e3f4a5b",
            ["Lines"] = new JsonArray(
                new JsonObject { ["id"] = "3", ["SkuCode"] = "B-2", ["quantity"] = 12, ["LotSize"] = 6, ["ExactItemId"] = "b" },
                new JsonObject { ["id"] = "1", ["SkuCode"] = "A-9", ["quantity"] = 5, ["LotSize"] = null, ["ExactItemId"] = "a" }),
        };

        var withLots = Assert.IsType<RuleDecision.Keep>(new MapLinesForExact(useLot: true).Apply(data)).Data["ExactLines"]!.AsArray();
        var without = Assert.IsType<RuleDecision.Keep>(new MapLinesForExact(useLot: false).Apply(data)).Data["ExactLines"]!.AsArray();

        Assert.Equal(["a", "b"], withLots.Select(l => l!["Item"]!.ToString()));
        Assert.Equal([5m, 2m], withLots.Select(l => decimal.Parse(l!["QuantityInPurchaseUnits"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([5m, 12m], without.Select(l => decimal.Parse(l!["QuantityInPurchaseUnits"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2023-11-19", "2023-11-20", false)]
    [InlineData("2023-11-20", "2023-11-20", true)]
    [InlineData("2023-06-01", "2023-01-01", true)]
    public void A_deleted_order_is_deleted_only_from_the_start_date_on(string placed, string since, bool deleted)
    {
        var decision = new BuyOrderDeletionWindow(DateOnly.Parse(since)).Apply(new JsonObject { ["DeletedInExact"] = true, ["OrderDate"] = placed });

        if (deleted) Assert.IsType<RuleDecision.Delete>(decision);
        else Assert.Contains($"placed on {placed}, before {since}", Assert.IsType<RuleDecision.Skip>(decision).Reason);
    }
}
