using Koppel.Domain.Quota;

namespace Koppel.Domain.Tests.Quota;

public sealed class ResyncEstimateTests
{
    private static readonly SystemQuota Exact = QuotaSamples.Exact;

    [Fact]
    public void A_full_resync_of_100000_items_at_one_call_each_takes_20_days_of_an_idle_5000_a_day_budget()
    {
        var estimate = ResyncEstimate.For(new QuotaDay(Exact, 0, 0, 0), records: 100_000, callsPerRecord: 1);

        Assert.Equal(100_000, estimate.Calls);
        Assert.Equal(20, estimate.Days);
    }

    [Fact]
    public void Todays_use_and_the_schedules_own_need_stretch_the_resync()
    {
        // 1,200 used today, 200 more scheduled before midnight, and the schedules take 480 a day:
        // 3,600 left today, then 4,520 a day for the remaining 96,400 calls = 22 more days.
        var day = new QuotaDay(Exact, Used: 1_200, ScheduledRestOfToday: 200, ScheduledPerDay: 480);

        var estimate = ResyncEstimate.For(day, 100_000, 1);

        Assert.Equal(3_600, day.SpareToday);
        Assert.Equal(4_520, day.SparePerDay);
        Assert.Equal(23, estimate.Days);
    }

    [Fact]
    public void A_resync_read_in_pages_fits_in_today()
    {
        // No run has read anything yet: one call per page of 60 (Exact's page size) = 1,667 calls.
        var perRecord = ResyncEstimate.PerRecord([], pageSize: 60);

        var estimate = ResyncEstimate.For(new QuotaDay(Exact, 2_000, 100, 500), 100_000, perRecord);

        Assert.Equal(1_667, estimate.Calls);
        Assert.Equal(1, estimate.Days);
    }

    [Fact]
    public void Calls_per_record_come_from_the_recent_runs_when_they_read_records()
    {
        var perRecord = ResyncEstimate.PerRecord([(Read: 1_000, Calls: 30), (Read: 3_000, Calls: 90), (Read: 0, Calls: 2)], pageSize: 60);

        Assert.Equal(122.0 / 4_000, perRecord, 10);
    }

    [Fact]
    public void A_resync_never_finishes_when_the_schedules_take_the_whole_day()
    {
        var estimate = ResyncEstimate.For(new QuotaDay(Exact, 0, 4_000, 5_000), 100_000, 1);

        Assert.Null(estimate.Days);
    }

    [Fact]
    public void A_system_without_a_limit_takes_one_day()
    {
        var estimate = ResyncEstimate.For(new QuotaDay(new SystemQuota("optiply", "Optiply", []), 0, 0, 0), 100_000, 1);

        Assert.Equal(1, estimate.Days);
        Assert.Null(estimate.Limit);
    }

    [Fact]
    public void The_day_of_a_system_starts_at_midnight_in_its_zone()
    {
        var now = new DateTime(2026, 12, 7, 5, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 12, 7, 0, 0, 0), Exact.DayStart(now));
        Assert.Equal(new DateTime(2026, 12, 8, 0, 0, 0), Exact.DayEnd(now));
        var amsterdam = Exact with { DayZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam") };
        Assert.Equal(new DateTime(2026, 12, 6, 23, 0, 0), amsterdam.DayStart(now));
    }
}
