using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class FormatDateRuleTests
{
    [Fact]
    public void Reads_Exacts_date_text_as_UTC_milliseconds()
    {
        // Seed, Sell Orders: placed = OrderDate.
        var rule = Rules.FormatDate(Rules.Copy("OrderDate"), "yyyy-MM-dd HH:mm:ss");

        Assert.Equal("\"2023-11-14 22:13:20\"", Map.Json(rule, ExactSamples.SalesOrder()));
    }

    [Fact]
    public void Applies_an_offset_written_after_Exacts_milliseconds()
    {
        var rule = Rules.FormatDate(Rules.Copy("d"), "yyyy-MM-ddTHH:mmzzz");

        Assert.Equal("\"2023-11-14T23:13+01:00\"", Map.Json(rule, Map.Source("""{"d":"/Date(1700000000000+0100)/"}""")));
    }

    [Fact]
    public void Reads_ISO_8601_and_keeps_its_offset()
    {
        var rule = Rules.FormatDate(Rules.Copy("d"), "dd-MM-yyyy HH:mm");

        Assert.Equal("\"05-01-2024 23:30\"", Map.Json(rule, Map.Source("""{"d":"2024-01-05T23:30:00+01:00"}""")));
    }

    [Fact]
    public void Reads_ISO_text_without_an_offset_as_UTC()
    {
        var rule = Rules.FormatDate(Rules.Copy("d"), "O");

        Assert.Equal("\"2024-01-05T00:00:00.0000000+00:00\"", Map.Json(rule, Map.Source("""{"d":"2024-01-05"}""")));
    }

    [Fact]
    public void Reads_other_text_with_the_given_input_format()
    {
        var rule = Rules.FormatDate(Rules.Copy("d"), "yyyy-MM-dd", inputFormat: "dd/MM/yyyy");

        Assert.Equal("\"2023-11-20\"", Map.Json(rule, Map.Source("""{"d":"20/11/2023"}""")));
    }

    [Fact]
    public void Does_not_guess_the_order_of_day_and_month_without_an_input_format()
    {
        var rule = Rules.FormatDate(Rules.Copy("d"), "yyyy-MM-dd");

        Assert.Equal("\"03/04/2024\" is not a date (needed for formatDate in field \"field\")",
            Map.Problem(rule, Map.Source("""{"d":"03/04/2024"}""")));
    }

    [Fact]
    public void An_empty_date_stays_null()
    {
        // Seed, Sell Orders: completed = DeliveryDate, which open orders do not have.
        var rule = Rules.FormatDate(Rules.Copy("DeliveryDate"), "yyyy-MM-dd");

        Assert.Equal("null", Map.Json(rule, ExactSamples.SalesOrder()));
    }

    [Fact]
    public void An_invalid_format_string_is_a_problem()
    {
        var rule = Rules.FormatDate(Rules.Copy("OrderDate"), "x");

        Assert.Equal("Date format \"x\" is not valid (field \"field\")", Map.Problem(rule, ExactSamples.SalesOrder()));
    }
}
