using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class CoalesceRuleTests
{
    [Fact]
    public void Takes_the_first_value_that_is_not_empty()
    {
        var rule = Rules.Coalesce(Rules.Copy("SearchCode"), Rules.Copy("Code"));

        Assert.Equal("\"KOF1\"", Map.Json(rule, ExactSamples.Item()));
    }

    [Fact]
    public void Skips_null_and_blank_text()
    {
        var rule = Rules.Coalesce(Rules.Copy("a"), Rules.Copy("b"), Rules.Copy("c"));

        Assert.Equal("\"third\"", Map.Json(rule, Map.Source("""{"a":null,"b":"  ","c":"third"}""")));
    }

    [Fact]
    public void Skips_missing_fields_without_a_problem()
    {
        var rule = Rules.Coalesce(Rules.Copy("PurchaseLeadDays"), Rules.Const(0));

        Assert.Equal("0", Map.Json(rule, ExactSamples.Item()));
    }

    [Fact]
    public void Gives_null_when_every_candidate_is_empty()
    {
        Assert.Equal("null", Map.Json(Rules.Coalesce(Rules.Copy("a"), Rules.Copy("b")), Map.Source("{}")));
    }

    [Fact]
    public void A_candidate_that_fails_otherwise_is_still_a_problem()
    {
        var rule = Rules.Coalesce(Rules.Divide(Rules.Const(1), Rules.Const(0)), Rules.Const(1));

        Assert.Equal("Cannot divide 1 by zero in field \"field\"", Map.Problem(rule, Map.Source("{}")));
    }
}
