using Bunit;
using Koppel.Domain.Quota;
using Koppel.Portal.Components.Quota;

namespace Koppel.Portal.Tests.Components.Quota;

/// <summary>One system's line on the "API use today" panel: the bar, the figures and the chip that warns before the limit.</summary>
public sealed class QuotaSystemRowTests : MudComponentContext
{
    // Exact Online's documented limits: 60 a calendar minute and 5,000 a day per division.
    private static readonly SystemQuota Exact = new("exactOnline", "Exact Online",
    [
        new QuotaBudget(60, 1, QuotaUnit.Minute, QuotaCounting.Calendar, "Exact Online knowledge base, API limits"),
        new QuotaBudget(5_000, 1, QuotaUnit.Day, QuotaCounting.Calendar, "Exact Online knowledge base, API limits"),
    ]);

    private IRenderedComponent<QuotaSystemRow> Row(QuotaDay day) => Render<QuotaSystemRow>(p => p.Add(r => r.Day, day));

    [Fact]
    public void A_day_well_under_the_limit_shows_the_bar_and_figures_without_a_chip()
    {
        var row = Row(new QuotaDay(Exact, Used: 1_200, ScheduledRestOfToday: 800, ScheduledPerDay: 1_500));

        Assert.Equal("1,200 of 5,000 calls · forecast 2,000 by midnight", row.Find(".quota-figures").TextContent.Trim());
        Assert.Equal("Limit: 5,000 a day (also 60 a minute)", row.Find(".quota-budget").TextContent.Trim());
        Assert.Equal("24", row.Find(".mud-progress-linear").GetAttribute("aria-valuenow"));
        Assert.Empty(row.FindAll(".quota-chip"));
    }

    [Fact]
    public void A_forecast_at_80_percent_of_the_limit_warns()
    {
        var row = Row(new QuotaDay(Exact, Used: 3_000, ScheduledRestOfToday: 1_200, ScheduledPerDay: 1_500));

        Assert.Equal("warning", row.Find(".quota-system").GetAttribute("data-status"));
        Assert.Equal("Forecast at 84 %", row.Find(".quota-chip").TextContent.Trim());
    }

    [Fact]
    public void A_forecast_over_the_limit_says_so_and_a_used_up_limit_is_reached()
    {
        var over = Row(new QuotaDay(Exact, Used: 4_000, ScheduledRestOfToday: 1_500, ScheduledPerDay: 1_500));
        var used = Row(new QuotaDay(Exact, Used: 5_010, ScheduledRestOfToday: 0, ScheduledPerDay: 1_500));

        Assert.Equal("Forecast over the limit", over.Find(".quota-chip").TextContent.Trim());
        Assert.Equal("Limit reached", used.Find(".quota-chip").TextContent.Trim());
        Assert.Equal("exhausted", used.Find(".quota-system").GetAttribute("data-status"));
    }

    [Fact]
    public void A_system_without_a_documented_limit_shows_its_calls_only()
    {
        var row = Row(new QuotaDay(new SystemQuota("optiply", "Optiply", []), Used: 251, ScheduledRestOfToday: 0, ScheduledPerDay: 0));

        Assert.Equal("251 calls · forecast 251 by midnight · no documented limit", row.Find(".quota-figures").TextContent.Trim());
        Assert.Empty(row.FindAll(".mud-progress-linear"));
        Assert.Empty(row.FindAll(".quota-chip"));
    }
}
