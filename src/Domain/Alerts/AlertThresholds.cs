namespace Koppel.Domain.Alerts;

/// <summary>When a flow's trouble becomes an incident, and when a flow that keeps failing is switched off.</summary>
/// <param name="FailedRunsInARow">Runs in a row that stopped before the end.</param>
/// <param name="FailedRecordsThreshold">Failed records in one run that reached the end.</param>
/// <param name="PauseAfterFailedRuns">Runs in a row that stopped before the switch goes off; 0 never switches off.</param>
public sealed record AlertThresholds(int FailedRunsInARow, int FailedRecordsThreshold, int PauseAfterFailedRuns = 0)
{
    /// <summary>How many of the newest runs the rules look at.</summary>
    public int RunsToRead => Math.Max(FailedRunsInARow, PauseAfterFailedRuns);
}

/// <summary>What the rules need of one finished run (a one-record resync does not count: it says little about the flow).</summary>
public sealed record FinishedRun(bool Stopped, int FailedRecords);
