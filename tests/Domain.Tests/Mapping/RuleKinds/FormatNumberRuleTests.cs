using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class FormatNumberRuleTests
{
    [Fact]
    public void Formats_with_a_dot_whatever_the_servers_culture()
    {
        var rule = Rules.FormatNumber(Rules.Copy("AmountDC"), "0.00");
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("nl-NL");
        try
        {
            Assert.Equal("\"129.95\"", Map.Json(rule, ExactSamples.SalesOrder()));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Pads_to_the_requested_decimals()
    {
        Assert.Equal("\"7.50\"", Map.Json(Rules.FormatNumber(Rules.Copy("CostPriceStandard"), "F2"), ExactSamples.Item()));
    }

    [Fact]
    public void An_empty_number_stays_null()
    {
        Assert.Equal("null", Map.Json(Rules.FormatNumber(Rules.Copy("n"), "0.00"), Map.Source("""{"n":null}""")));
    }

    [Fact]
    public void Text_that_is_not_a_number_is_a_problem()
    {
        Assert.Equal("\"KOF1\" is not a number (needed for formatNumber in field \"field\")",
            Map.Problem(Rules.FormatNumber(Rules.Copy("SearchCode"), "0.00"), ExactSamples.Item()));
    }

    [Fact]
    public void An_invalid_format_string_is_a_problem()
    {
        Assert.Equal("Number format \"X2\" is not valid (field \"field\")",
            Map.Problem(Rules.FormatNumber(Rules.Copy("CostPriceStandard"), "X2"), ExactSamples.Item()));
    }
}
