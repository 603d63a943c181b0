using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class ConcatRuleTests
{
    [Fact]
    public void Joins_parts_with_the_separator()
    {
        var rule = Rules.Concat(" - ", Rules.Copy("Code"), Rules.Copy("Description"));

        Assert.Equal("\"KOF-1000 - Koffiebonen 1kg\"", Map.Json(rule, ExactSamples.Item()));
    }

    [Fact]
    public void Writes_numbers_as_invariant_text()
    {
        var rule = Rules.Concat("", Rules.Const("EUR "), Rules.Copy("CostPriceStandard"));

        Assert.Equal("\"EUR 7.5\"", Map.Json(rule, ExactSamples.Item()));
    }

    [Fact]
    public void Skips_empty_parts_so_no_separator_dangles()
    {
        var rule = Rules.Concat(" ", Rules.Copy("First"), Rules.Copy("Middle"), Rules.Copy("Last"));

        Assert.Equal("\"Jan Jansen\"", Map.Json(rule, Map.Source("""{"First":"Jan","Middle":null,"Last":"Jansen"}""")));
    }

    [Fact]
    public void Gives_null_when_every_part_is_empty()
    {
        Assert.Equal("null", Map.Json(Rules.Concat(" ", Rules.Null(), Rules.Const("")), Map.Source("{}")));
    }

    [Fact]
    public void A_missing_part_is_a_problem()
    {
        Assert.Equal("Source field \"Middle\" is missing", Map.Problem(Rules.Concat(" ", Rules.Copy("Middle")), Map.Source("{}")));
    }
}
