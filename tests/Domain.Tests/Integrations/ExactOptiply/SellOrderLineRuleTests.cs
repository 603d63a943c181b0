using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.ExactOptiply;

/// <summary>The line rules of the sell-orders flow on hand-made Exact records (the flow tests cover them on generated data).</summary>
public class SellOrderLineRuleTests
{
    private const string Chair = "0f3c1e2a-0000-4000-8000-000000000001";
    private const string Table = "0f3c1e2a-0000-4000-8000-000000000002";

    private static JsonObject Line(string? item, string code, double quantity, double amount, int dropShipment = 0) => new()
    {
        ["Item"] = item, ["ItemCode"] = code, ["Quantity"] = quantity, ["AmountDC"] = amount, ["UseDropShipment"] = dropShipment,
    };

    private static JsonObject Order(params JsonObject[] lines) => new() { ["Source"] = SellOrderSource.SalesOrder, ["Lines"] = new JsonArray(lines) };

    [Fact]
    public void Lines_of_the_same_item_are_merged_into_one()
    {
        var keep = Assert.IsType<RuleDecision.Keep>(new BuildSellOrderLines().Apply(Order(Line(Chair, "ART-1", 2, 20), Line(Table, "ART-2", 1, 99.5), Line(Chair, "ART-1", 3, 30))));

        var lines = keep.Data["OrderLines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        var chair = lines.Single(l => (string?)l!["productRemoteId"] == Chair)!;
        Assert.Equal((5m, 50m, "ART-1"), ((decimal)chair["quantity"]!, (decimal)chair["subtotalValue"]!, (string?)chair["optiplyWebshopProductArticleCode"]));
        Assert.Empty(keep.Warnings);
    }

    [Fact]
    public void A_fractional_quantity_is_rounded_with_a_warning()
    {
        var keep = Assert.IsType<RuleDecision.Keep>(new BuildSellOrderLines().Apply(Order(Line(Chair, "ART-1", 2.5, 20))));

        Assert.Equal(3m, (decimal)keep.Data["OrderLines"]![0]!["quantity"]!);
        Assert.Contains(keep.Warnings, w => w.Contains("ART-1") && w.Contains("rounded to 3"));
    }

    [Fact]
    public void Drop_shipment_lines_are_left_out_and_an_order_of_only_such_lines_is_skipped_silently()
    {
        var mixed = Assert.IsType<RuleDecision.Keep>(new BuildSellOrderLines().Apply(Order(Line(Chair, "ART-1", 1, 10), Line(Table, "ART-2", 1, 10, dropShipment: 1))));
        Assert.Single(mixed.Data["OrderLines"]!.AsArray());
        Assert.Contains(mixed.Warnings, w => w.Contains("drop-shipment"));

        var dropped = Assert.IsType<RuleDecision.Skip>(new BuildSellOrderLines().Apply(Order(Line(Chair, "ART-1", 1, 10, dropShipment: 1))));
        Assert.False(dropped.Log);
    }

    [Fact]
    public void An_order_without_item_lines_is_skipped_with_a_logged_reason()
    {
        var skip = Assert.IsType<RuleDecision.Skip>(new BuildSellOrderLines().Apply(Order(Line(null, "", 1, 10))));

        Assert.True(skip.Log);
        Assert.Contains("no lines with an item", skip.Reason);
    }

    [Fact]
    public void A_cancelled_sales_order_is_deleted_even_when_sales_orders_are_off()
    {
        var settings = new SellOrderSettings { SalesOrders = SourceFilter.Off };

        var decision = new SellOrderSourceFilter(settings).Apply(new JsonObject { ["Source"] = SellOrderSource.SalesOrder, ["Status"] = 45 });

        Assert.IsType<RuleDecision.Delete>(decision);
    }

    [Theory]
    [InlineData("order:0f3c1e2a-0000-4000-8000-000000000001", "0f3c1e2a-0000-4000-8000-000000000001")]
    [InlineData("invoice:0f3c1e2a-0000-4000-8000-000000000002", "0f3c1e2a-0000-4000-8000-000000000002")]
    public void Record_ids_carry_their_source_and_give_back_the_Exact_id(string recordId, string exactId)
    {
        Assert.Equal(exactId, SellOrderSource.ExactId(recordId));
        Assert.Equal(recordId, SellOrderSource.RecordId(SellOrderSource.Parse(recordId)!.Value.Source, exactId));
    }
}
