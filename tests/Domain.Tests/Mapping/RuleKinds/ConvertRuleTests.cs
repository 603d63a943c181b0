using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class ConvertRuleTests
{
    [Fact]
    public void A_number_becomes_text_for_a_text_remoteId()
    {
        Assert.Equal("\"1042\"", Map.Json(Rules.ToText(Rules.Copy("ID")), Map.Source("""{"ID":1042}""")));
    }

    [Fact]
    public void Numeric_text_becomes_a_number()
    {
        Assert.Equal("12.5", Map.Json(Rules.ToNumber(Rules.Copy("n")), Map.Source("""{"n":" 12.50 "}""")));
    }

    [Fact]
    public void Text_that_is_not_a_number_is_a_problem()
    {
        Assert.Equal("\"twelve\" is not a number (needed for convert in field \"field\")",
            Map.Problem(Rules.ToNumber(Rules.Copy("n")), Map.Source("""{"n":"twelve"}""")));
    }

    [Fact]
    public void True_false_text_and_one_zero_flags_become_booleans()
    {
        Assert.Equal("true", Map.Json(Rules.ToBoolean(Rules.Copy("b")), Map.Source("""{"b":"True"}""")));
        Assert.Equal("false", Map.Json(Rules.ToBoolean(Rules.Copy("b")), Map.Source("""{"b":0}""")));
    }

    [Fact]
    public void Other_values_are_not_booleans()
    {
        Assert.Equal("\"maybe\" is not a boolean (needed for convert in field \"field\")",
            Map.Problem(Rules.ToBoolean(Rules.Copy("b")), Map.Source("""{"b":"maybe"}""")));
    }

    [Fact]
    public void Empty_text_becomes_null()
    {
        Assert.Equal("null", Map.Json(Rules.ToNumber(Rules.Copy("n")), Map.Source("""{"n":""}""")));
    }

    [Fact]
    public void An_unknown_target_type_is_a_problem()
    {
        Assert.Equal("Cannot convert to \"date\"; use one of text, number, boolean (field \"field\")",
            Map.Problem(new ConvertRule(Rules.Const(1), "date"), Map.Source("{}")));
    }
}
