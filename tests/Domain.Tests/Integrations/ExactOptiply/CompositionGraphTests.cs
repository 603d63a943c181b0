using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Tests.Integrations.ExactOptiply;

public sealed class CompositionGraphTests
{
    [Fact]
    public void The_line_that_closes_a_pair_crossing_is_rejected_and_the_first_one_kept()
    {
        var rejected = CompositionGraph.Rejected([new("l1", "A", "B"), new("l2", "B", "A")]);

        Assert.Equal(["l2"], rejected.Keys);
        Assert.Equal(["A", "B"], rejected["l2"]);
    }

    [Fact]
    public void A_longer_cycle_is_rejected_with_the_path_it_would_close()
    {
        var rejected = CompositionGraph.Rejected([new("l1", "A", "B"), new("l2", "B", "C"), new("l3", "C", "A")]);

        Assert.Equal(["A", "B", "C"], rejected["l3"]);
    }

    [Fact]
    public void Shared_parts_and_multi_level_bills_are_not_crossings()
    {
        var rejected = CompositionGraph.Rejected([new("l1", "A", "C"), new("l2", "B", "C"), new("l3", "C", "D"), new("l4", "A", "D")]);

        Assert.Empty(rejected);
    }

    [Fact]
    public void A_product_made_of_itself_is_rejected()
    {
        Assert.Single(CompositionGraph.Rejected([new("l1", "A", "a")])["l1"]);
    }

    [Theory]
    [InlineData(false, 12, 4, 12)]
    [InlineData(true, 12, 4, 3)]
    [InlineData(true, 3, 4, 1)]
    [InlineData(false, 0.5, 1, 1)]
    [InlineData(true, 2.5, 1, 3)]
    public void Part_quantity_is_whole_and_at_least_1(bool scale, double perBatch, double batch, int expected)
    {
        var data = new JsonObject { ["QuantityBatch"] = perBatch, ["BatchQuantity"] = batch };

        var keep = Assert.IsType<RuleDecision.Keep>(new PartQuantity(scale).Apply(data));

        Assert.Equal(expected, (int)keep.Data["PartQuantity"]!);
    }
}
