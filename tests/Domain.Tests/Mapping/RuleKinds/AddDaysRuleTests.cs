using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class AddDaysRuleTests
{
    // Seed, Buy Orders OP > Exact: ReceiptDate = OrderSyncDateTime + OP.supplier.deliveryTime.
    private static readonly Rule ReceiptDate = Rules.AddDays(Rules.Copy("OrderSyncDateTime"), Rules.Copy("supplier.deliveryTime"));

    [Fact]
    public void Adds_the_suppliers_delivery_time_in_calendar_days()
    {
        var source = Map.Source("""{"OrderSyncDateTime":"2024-03-01T09:30:00+01:00","supplier":{"deliveryTime":10}}""");

        Assert.Equal("\"2024-03-11T09:30:00+01:00\"", Map.Json(ReceiptDate, source));
    }

    [Fact]
    public void Reads_Exact_dates_and_writes_ISO_8601()
    {
        var source = Map.Source("""{"OrderSyncDateTime":"/Date(1700000000000)/","supplier":{"deliveryTime":1}}""");

        Assert.Equal("\"2023-11-15T22:13:20+00:00\"", Map.Json(ReceiptDate, source));
    }

    [Fact]
    public void Working_days_skip_the_weekend()
    {
        // Friday 2024-03-01 plus one working day is Monday 2024-03-04.
        var rule = Rules.AddWorkingDays(Rules.Copy("OrderSyncDateTime"), Rules.Const(1));

        Assert.Equal("\"2024-03-04T09:30:00+00:00\"", Map.Json(rule, Map.Source("""{"OrderSyncDateTime":"2024-03-01T09:30:00Z"}""")));
    }

    [Fact]
    public void An_empty_number_of_days_is_a_problem_not_zero()
    {
        var source = Map.Source("""{"OrderSyncDateTime":"2024-03-01T09:30:00Z","supplier":{"deliveryTime":null}}""");

        Assert.Equal("An empty value is not a number of days (needed for addDays in field \"field\")", Map.Problem(ReceiptDate, source));
    }

    [Fact]
    public void A_fraction_of_a_day_is_a_problem()
    {
        var source = Map.Source("""{"OrderSyncDateTime":"2024-03-01T09:30:00Z","supplier":{"deliveryTime":1.5}}""");

        Assert.Equal("1.5 is not a whole number of days up to 36500 (needed for addDays in field \"field\")", Map.Problem(ReceiptDate, source));
    }
}
