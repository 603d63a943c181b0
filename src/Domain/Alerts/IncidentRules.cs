namespace Koppel.Domain.Alerts;

/// <summary>What the newest runs of a flow mean for its incidents.</summary>
public abstract record IncidentChange
{
    public sealed record Open(string Reason, int FailedRuns, int FailedRecords) : IncidentChange;
    public sealed record Resolve : IncidentChange;
    public sealed record None : IncidentChange;
}

/// <summary>
/// The rules of alerting, on the newest finished runs of one flow (newest first). An incident opens when a threshold
/// is crossed and stays open (no second alert) until a run shows the flow recovered.
/// </summary>
public static class IncidentRules
{
    public static IncidentChange Decide(AlertKind kind, bool open, AlertThresholds thresholds, IReadOnlyList<FinishedRun> newestFirst, string flowName)
    {
        if (newestFirst.Count == 0) return new IncidentChange.None();
        var last = newestFirst[0];
        return kind switch
        {
            AlertKind.FailedRuns => open
                ? last.Stopped ? new IncidentChange.None() : new IncidentChange.Resolve()
                : StoppedInARow(newestFirst) is var stopped && stopped >= thresholds.FailedRunsInARow
                    ? new IncidentChange.Open($"The last {stopped} runs of {flowName} stopped before the end.", stopped, 0)
                    : new IncidentChange.None(),
            // A stopped run did not reach every record, so its count says nothing either way.
            AlertKind.FailedRecords => last.Stopped ? new IncidentChange.None()
                : open
                    ? last.FailedRecords < thresholds.FailedRecordsThreshold ? new IncidentChange.Resolve() : new IncidentChange.None()
                    : last.FailedRecords >= thresholds.FailedRecordsThreshold
                        ? new IncidentChange.Open($"The last run of {flowName} could not sync {last.FailedRecords} records.", 0, last.FailedRecords)
                        : new IncidentChange.None(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>The reason the flow is switched off, or null when it keeps running.</summary>
    public static string? PauseReason(AlertThresholds thresholds, IReadOnlyList<FinishedRun> newestFirst) =>
        thresholds.PauseAfterFailedRuns > 0 && StoppedInARow(newestFirst) >= thresholds.PauseAfterFailedRuns
            ? $"Paused after {thresholds.PauseAfterFailedRuns} failed runs"
            : null;

    /// <summary>How many of the newest runs stopped before the end, counting back to the first that did not.</summary>
    public static int StoppedInARow(IReadOnlyList<FinishedRun> newestFirst)
    {
        var count = 0;
        while (count < newestFirst.Count && newestFirst[count].Stopped) count++;
        return count;
    }

    /// <summary>The line that says what happened, for the notice's subject and the webhook's reason.</summary>
    public static string ResolvedReason(AlertKind kind, string flowName) => kind switch
    {
        AlertKind.FailedRuns => $"{flowName} runs to the end again.",
        _ => $"{flowName} syncs its records again.",
    };
}
