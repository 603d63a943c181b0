using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class IfRuleTests
{
    // Seed, Products: status = If IsPurchaseItem=true or IsMakeItem=true THEN enabled Otherwise disabled.
    private static readonly Rule Status = Rules.If(
        Cond.Or(Cond.Equals(Rules.Copy("IsPurchaseItem"), true), Cond.Equals(Rules.Copy("IsMakeItem"), true)),
        Rules.Const("enabled"),
        Rules.Const("disabled"));

    [Fact]
    public void Takes_then_when_the_condition_holds()
    {
        Assert.Equal("\"enabled\"", Map.Json(Status, ExactSamples.Item()));
    }

    [Fact]
    public void Takes_otherwise_when_the_condition_fails()
    {
        var item = ExactSamples.Item();
        item["IsPurchaseItem"] = false;

        Assert.Equal("\"disabled\"", Map.Json(Status, item));
    }

    [Fact]
    public void Without_otherwise_a_failed_condition_gives_null()
    {
        // Seed, Products: assembled = If IsMakeItem THEN ... (no Otherwise).
        var assembled = Rules.If(Cond.Equals(Rules.Copy("IsMakeItem"), true), Rules.Const(true));

        Assert.Equal("null", Map.Json(assembled, ExactSamples.Item()));
    }

    [Fact]
    public void A_missing_field_in_the_condition_is_empty_not_a_problem()
    {
        var rule = Rules.If(Cond.IsEmpty(Rules.Copy("PurchaseLeadDays")), Rules.Const(0), Rules.Copy("PurchaseLeadDays"));

        Assert.Equal("0", Map.Json(rule, ExactSamples.Item()));
    }

    [Fact]
    public void A_missing_field_in_the_chosen_branch_is_still_a_problem()
    {
        var rule = Rules.If(Cond.Equals(Rules.Copy("IsStockItem"), true), Rules.Copy("StockPosition.InStock"));

        Assert.Equal("Source field \"StockPosition.InStock\" is missing", Map.Problem(rule, ExactSamples.Item()));
    }

    [Fact]
    public void The_branch_not_taken_is_not_evaluated()
    {
        var rule = Rules.If(Cond.Equals(Rules.Copy("IsPurchaseItem"), true), Rules.Const("enabled"), Rules.Copy("Nowhere"));

        Assert.Equal("\"enabled\"", Map.Json(rule, ExactSamples.Item()));
    }
}
