using Koppel.Infrastructure.Scheduling;

namespace Koppel.Infrastructure.Tests.Scheduling;

public sealed class FlowScheduleTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("30")]
    [InlineData("1")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 0/5 * * * ?")] // six fields with seconds first: what Quartz stored
    public void A_minute_schedule_or_a_cron_at_most_once_a_minute_is_valid(string schedule) =>
        Assert.Null(FlowSchedule.Problem(schedule, Now));

    [Theory]
    [InlineData("* * * * * *", "more than once a minute")]
    [InlineData("*/10 * * * * *", "more than once a minute")]
    [InlineData("0 0 30 2 *", "never runs")]
    [InlineData("abc", "neither a number of minutes nor a valid cron")]
    [InlineData("CRON_TZ=Nowhere/Atlantis 0 3 * * *", "neither a number of minutes nor a valid cron")]
    [InlineData("0", "between 1 and 10080")]
    [InlineData("99999", "between 1 and 10080")]
    public void A_schedule_that_runs_too_often_never_or_not_at_all_is_refused_with_the_reason(string schedule, string reason) =>
        Assert.Contains(reason, FlowSchedule.Problem(schedule, Now));

    [Fact]
    public void A_flow_that_never_ran_is_due_at_once() =>
        Assert.Equal(Now, FlowSchedule.FirstDue("30", lastRunAt: null, Now));

    [Fact]
    public void After_a_restart_a_flow_is_due_one_interval_after_its_last_run_not_at_once() =>
        Assert.Equal(Now.AddMinutes(20), FlowSchedule.FirstDue("30", lastRunAt: Now.AddMinutes(-10), Now));

    [Fact]
    public void A_flow_whose_due_time_passed_while_the_hub_was_down_is_due_now_once() =>
        Assert.Equal(Now, FlowSchedule.FirstDue("30", lastRunAt: Now.AddHours(-5), Now));

    [Fact]
    public void A_late_start_moves_the_due_time_to_the_next_slot_ahead_skipping_the_missed_ones()
    {
        // Due at 07:00 on a 30-minute rhythm, started at 10:00: the six missed slots are not queued.
        var next = FlowSchedule.NextDue("30", due: Now.AddHours(-3), Now);

        Assert.Equal(Now.AddMinutes(30), next);
    }

    [Fact]
    public void An_on_time_start_keeps_the_rhythm() =>
        Assert.Equal(Now.AddMinutes(5), FlowSchedule.NextDue("5", due: Now, Now.AddSeconds(2)));

    [Fact]
    public void A_cron_is_due_at_its_next_occurrence_after_now() =>
        Assert.Equal(Now.AddMinutes(15), FlowSchedule.NextDue("*/15 * * * *", due: Now.AddHours(-2), Now));

    [Theory]
    [InlineData("2026-12-06T10:00:00Z", "2026-12-07T02:00:00Z")] // winter: Amsterdam is UTC+1
    [InlineData("2026-07-06T10:00:00Z", "2026-07-07T01:00:00Z")] // summer: UTC+2
    public void A_cron_in_a_time_zone_runs_at_that_zones_time_of_day_summer_and_winter(string now, string expected)
    {
        var from = DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Null(FlowSchedule.Problem("CRON_TZ=Europe/Amsterdam 0 3 * * *", from));
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            FlowSchedule.FirstDue("CRON_TZ=Europe/Amsterdam 0 3 * * *", lastRunAt: null, from));
    }

    [Theory]
    [InlineData("30", "2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z", 48)]            // every half hour for a day
    [InlineData("30", "2026-12-07T22:10:00Z", "2026-12-08T00:00:00Z", 4)]             // 22:10, 22:40, 23:10, 23:40
    [InlineData("*/15 * * * *", "2026-12-07T10:15:00Z", "2026-12-07T11:00:00Z", 3)]   // 10:15, 10:30, 10:45
    [InlineData("CRON_TZ=Europe/Amsterdam 0 3 * * *", "2026-12-07T02:00:00Z", "2026-12-08T02:00:00Z", 1)] // nightly
    public void Runs_between_count_the_slots_from_the_first_due_up_to_the_end(string schedule, string firstDue, string until, int runs)
    {
        static DateTime Utc(string at) => DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(runs, FlowSchedule.RunsBetween(schedule, Utc(firstDue), Utc(until)));
    }
}
