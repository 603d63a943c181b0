using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class RoundRuleTests
{
    [Fact]
    public void Rounds_halves_away_from_zero_by_default()
    {
        Assert.Equal("3", Map.Json(Rules.Round(Rules.Const(2.5m)), Map.Source("{}")));
        Assert.Equal("-3", Map.Json(Rules.Round(Rules.Const(-2.5m)), Map.Source("{}")));
    }

    [Fact]
    public void Rounds_to_the_requested_decimals()
    {
        Assert.Equal("43.33", Map.Json(Rules.Round(Rules.Divide(Rules.Const(130), Rules.Const(3)), 2), Map.Source("{}")));
    }

    [Fact]
    public void Rounds_up_to_whole_lots()
    {
        // 15 pieces in lots of 6 need 3 lots.
        var rule = Rules.RoundUp(Rules.Divide(Rules.Copy("quantity"), Rules.Copy("lotSize")));

        Assert.Equal("3", Map.Json(rule, Map.Source("""{"quantity":15,"lotSize":6}""")));
    }

    [Fact]
    public void Rounds_down_when_asked()
    {
        Assert.Equal("2", Map.Json(Rules.Round(Rules.Const(2.9m), mode: RoundRule.Down), Map.Source("{}")));
    }

    [Fact]
    public void An_empty_number_stays_null()
    {
        Assert.Equal("null", Map.Json(Rules.Round(Rules.Null()), Map.Source("{}")));
    }

    [Fact]
    public void An_unknown_mode_is_a_problem()
    {
        Assert.Equal("Rounding mode \"sideways\" is not one of nearest, up, down (field \"field\")",
            Map.Problem(Rules.Round(Rules.Const(1.5m), mode: "sideways"), Map.Source("{}")));
    }
}
