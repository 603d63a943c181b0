using Koppel.Domain.Quota;

namespace Koppel.Domain.Tests.Quota;

public sealed class QuotaForecastTests
{
    private static readonly SystemQuota Exact = QuotaSamples.Exact;

    private static readonly SystemQuota Undocumented = new("optiply", "Optiply", []);

    [Fact]
    public void The_tightest_budget_over_a_day_is_the_daily_limit()
    {
        Assert.Equal(5_000, Exact.DailyLimit);
        Assert.Equal(QuotaUnit.Day, Exact.Binding!.Unit);
        Assert.Equal(86_400, Exact.Budgets[0].PerDay);
    }

    [Fact]
    public void A_per_second_bucket_becomes_its_day_equivalent()
    {
        var moySklad = new SystemQuota("moysklad", "MoySklad", [new QuotaBudget(45, 3, QuotaUnit.Second, QuotaCounting.Bucket, "test")]);

        Assert.Equal(45 * 28_800, moySklad.DailyLimit);
        Assert.Equal("45 per 3 seconds", moySklad.Binding!.Words);
    }

    [Fact]
    public void The_forecast_adds_the_schedules_rest_of_the_day_to_todays_use()
    {
        // A stock flow every 15 minutes averaging 12.5 calls with 40 runs left; a nightly flow with one run left at 300.
        IReadOnlyList<ScheduledCalls> flows = [new("stocks", 40, 96, 12.5), new("products", 1, 1, 300)];
        var day = new QuotaDay(Exact, Used: 1_000, flows.Sum(f => f.RestOfToday), flows.Sum(f => f.PerDay));

        Assert.Equal(500 + 300, day.ScheduledRestOfToday);
        Assert.Equal(1_800, day.Forecast);
        Assert.Equal(1_200 + 300, day.ScheduledPerDay);
        Assert.Equal(QuotaStatus.Ok, day.Status);
    }

    [Theory]
    [InlineData(1_000, 2_999, QuotaStatus.Ok)]        // forecast 3,999: under 80 %
    [InlineData(1_000, 3_000, QuotaStatus.Warning)]   // forecast 4,000: 80 % of 5,000
    [InlineData(4_000, 3_000, QuotaStatus.Warning)]   // forecast over the budget, calls still left now
    [InlineData(5_000, 0, QuotaStatus.Exhausted)]     // used up: Exact refuses calls until midnight
    public void The_status_follows_the_forecast_and_the_use(long used, long restOfToday, QuotaStatus expected) =>
        Assert.Equal(expected, new QuotaDay(Exact, used, restOfToday, 0).Status);

    [Fact]
    public void A_system_without_documented_limits_is_never_judged()
    {
        var day = new QuotaDay(Undocumented, 1_000_000, 5_000, 5_000);

        Assert.Null(day.Limit);
        Assert.Equal(QuotaStatus.Ok, day.Status);
        Assert.False(day.WouldExceed(10_000_000));
    }

    [Fact]
    public void Average_calls_per_run_count_a_run_without_calls_to_a_system_as_zero()
    {
        var averages = ScheduledCalls.Averages([
            new Dictionary<string, int> { ["exactOnline"] = 10, ["optiply"] = 40 },
            new Dictionary<string, int> { ["exactOnline"] = 20 },
        ]);

        Assert.Equal(15, averages["exactOnline"]);
        Assert.Equal(20, averages["optiply"]);
    }

    [Fact]
    public void A_run_is_deferred_only_when_todays_use_plus_its_estimate_goes_over_the_budget()
    {
        var day = new QuotaDay(Exact, Used: 4_200, ScheduledRestOfToday: 600, ScheduledPerDay: 1_000);

        Assert.False(day.WouldExceed(800));
        Assert.True(day.WouldExceed(801));
        Assert.Equal("Deferred to its next schedule: it would make about 801 calls to Exact Online, whose budget is 5,000 a day, and 4,200 of them are used today.",
            day.DeferralReason(801));
    }
}
