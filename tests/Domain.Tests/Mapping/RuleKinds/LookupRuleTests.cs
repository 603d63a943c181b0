using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class LookupRuleTests
{
    // Exact sales order status: 12 open, 20 partial, 21 complete, 45 cancelled.
    private static readonly Rule OrderState = Rules.Lookup(Rules.Copy("Status"),
        ("12", "open"), ("20", "open"), ("21", "completed"));

    [Fact]
    public void A_number_matches_the_row_with_its_text()
    {
        Assert.Equal("\"completed\"", Map.Json(OrderState, ExactSamples.SalesOrder()));
    }

    [Fact]
    public void A_number_written_with_decimals_matches_the_whole_number_row()
    {
        Assert.Equal("\"completed\"", Map.Json(OrderState, Map.Source("""{"Status":21.0}""")));
    }

    [Fact]
    public void A_boolean_matches_the_row_true_or_false()
    {
        var rule = Rules.Lookup(Rules.Copy("IsMakeItem"), ("true", "assembled"), ("false", "bought"));

        Assert.Equal("\"bought\"", Map.Json(rule, ExactSamples.Item()));
    }

    [Fact]
    public void An_unmatched_value_takes_the_default()
    {
        var rule = Rules.Lookup(Rules.Copy("Status"), Rules.Const("cancelled"), ("21", "completed"));

        Assert.Equal("\"cancelled\"", Map.Json(rule, Map.Source("""{"Status":45}""")));
    }

    [Fact]
    public void An_unmatched_value_without_a_default_is_a_problem()
    {
        Assert.Equal("No lookup entry for 45 in field \"field\", and no default",
            Map.Problem(OrderState, Map.Source("""{"Status":45}""")));
    }

    [Fact]
    public void Keys_match_case_sensitively_unless_asked_otherwise()
    {
        var table = new[] { new LookupEntry("EUR", "euro") };
        var source = Map.Source("""{"Currency":"eur"}""");

        Assert.NotNull(Map.Run(new LookupRule(Rules.Copy("Currency"), table), source).Problem);
        Assert.Equal("\"euro\"", Map.Json(new LookupRule(Rules.Copy("Currency"), table, IgnoreCase: true), source));
    }
}
