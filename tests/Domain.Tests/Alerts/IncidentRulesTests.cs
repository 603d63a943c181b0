using Koppel.Domain.Alerts;

namespace Koppel.Domain.Tests.Alerts;

public sealed class IncidentRulesTests
{
    private static readonly AlertThresholds Thresholds = new(FailedRunsInARow: 3, FailedRecordsThreshold: 50, PauseAfterFailedRuns: 5);
    private static readonly FinishedRun Stopped = new(true, 0);
    private static readonly FinishedRun Clean = new(false, 0);

    private static IncidentChange Decide(AlertKind kind, bool open, params FinishedRun[] newestFirst) =>
        IncidentRules.Decide(kind, open, Thresholds, newestFirst, "Products");

    [Fact]
    public void Three_stopped_runs_in_a_row_open_a_failed_runs_incident()
    {
        var change = Decide(AlertKind.FailedRuns, false, Stopped, Stopped, Stopped, Clean);

        var open = Assert.IsType<IncidentChange.Open>(change);
        Assert.Equal(3, open.FailedRuns);
        Assert.Equal("The last 3 runs of Products stopped before the end.", open.Reason);
    }

    [Fact]
    public void Two_stopped_runs_after_a_good_one_open_nothing()
    {
        Assert.IsType<IncidentChange.None>(Decide(AlertKind.FailedRuns, false, Stopped, Stopped, Clean, Stopped));
    }

    [Fact]
    public void Further_stopped_runs_leave_an_open_incident_alone()
    {
        Assert.IsType<IncidentChange.None>(Decide(AlertKind.FailedRuns, true, Stopped, Stopped, Stopped, Stopped));
    }

    [Fact]
    public void A_run_that_reaches_the_end_resolves_a_failed_runs_incident_even_with_some_failed_records()
    {
        Assert.IsType<IncidentChange.Resolve>(Decide(AlertKind.FailedRuns, true, new FinishedRun(false, 7), Stopped, Stopped));
    }

    [Fact]
    public void A_run_with_failed_records_at_the_threshold_opens_a_failed_records_incident()
    {
        var open = Assert.IsType<IncidentChange.Open>(Decide(AlertKind.FailedRecords, false, new FinishedRun(false, 50)));

        Assert.Equal(50, open.FailedRecords);
        Assert.Equal("The last run of Products could not sync 50 records.", open.Reason);
    }

    [Fact]
    public void A_run_below_the_threshold_opens_nothing_and_resolves_an_open_failed_records_incident()
    {
        Assert.IsType<IncidentChange.None>(Decide(AlertKind.FailedRecords, false, new FinishedRun(false, 49)));
        Assert.IsType<IncidentChange.Resolve>(Decide(AlertKind.FailedRecords, true, new FinishedRun(false, 49)));
    }

    [Fact]
    public void A_stopped_run_neither_opens_nor_resolves_a_failed_records_incident()
    {
        Assert.IsType<IncidentChange.None>(Decide(AlertKind.FailedRecords, true, Stopped, new FinishedRun(false, 80)));
        Assert.IsType<IncidentChange.None>(Decide(AlertKind.FailedRecords, false, Stopped, new FinishedRun(false, 80)));
    }

    [Fact]
    public void No_runs_change_nothing()
    {
        Assert.IsType<IncidentChange.None>(Decide(AlertKind.FailedRuns, false));
    }

    [Fact]
    public void A_flow_is_paused_once_its_stopped_runs_in_a_row_reach_the_setting()
    {
        Assert.Null(IncidentRules.PauseReason(Thresholds, [Stopped, Stopped, Stopped, Stopped, Clean]));
        Assert.Equal("Paused after 5 failed runs", IncidentRules.PauseReason(Thresholds, [Stopped, Stopped, Stopped, Stopped, Stopped]));
    }

    [Fact]
    public void Pausing_is_off_when_the_setting_is_zero()
    {
        Assert.Null(IncidentRules.PauseReason(Thresholds with { PauseAfterFailedRuns = 0 }, [Stopped, Stopped, Stopped, Stopped, Stopped, Stopped]));
    }

    [Fact]
    public void The_alert_is_owed_first_and_the_resolved_notice_only_after_it()
    {
        var incident = new Incident { Flow = "products", Reason = "r", ResolvedAt = DateTime.UtcNow };
        Assert.Equal(NoticeKind.Opened, incident.PendingNotice);

        incident.OpenedNoticeSentAt = DateTime.UtcNow;
        Assert.Equal(NoticeKind.Resolved, incident.PendingNotice);

        incident.ResolvedNoticeSentAt = DateTime.UtcNow;
        Assert.Null(incident.PendingNotice);
    }
}
