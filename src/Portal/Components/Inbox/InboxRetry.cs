using Koppel.Domain.Sync;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Portal.Components.Shared;

namespace Koppel.Portal.Components.Inbox;

/// <summary>A retry the inbox started, with its run's latest counts for the progress line.</summary>
public sealed class InboxRetry(string flowName, int records, SyncRun run)
{
    public string FlowName { get; } = flowName;
    public int Records { get; } = records;
    public SyncRun Run { get; set; } = run;

    /// <summary>Records done so far, as a percentage of those asked for.</summary>
    public double Percent => Records == 0 ? 100 : Math.Min(100, 100.0 * Run.Read / Records);
}

/// <summary>The sentences of a retry: its cost before it starts and its result.</summary>
public static class RetryWords
{
    public static string Cost(string flowName, RetryEstimate cost) =>
        $"{flowName}: each of the {OutcomeWords.Count(cost.Records, "record")} is read again from {cost.SourceSystem} " +
        $"(about {OutcomeWords.Count(cost.Records, "API call")}) and written to {cost.TargetSystem} where it needs to be " +
        $"(at most {OutcomeWords.Count(cost.Records, "API call")}).";

    public static string Finished(InboxRetry retry) => retry.Run.Status == RunStatus.Failed
        ? $"The retry of {retry.FlowName} stopped: {retry.Run.Error}"
        : $"Retry of {retry.FlowName} done: {RunText.Counts(retry.Run)}.";
}
