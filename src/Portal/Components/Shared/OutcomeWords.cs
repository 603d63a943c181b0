using Koppel.Domain.Sync;
using MudBlazor;

namespace Koppel.Portal.Components.Shared;

/// <summary>
/// The one vocabulary of the portal (and its CSV export) for how runs and records ended, with one colour each.
/// Every page shows a run's outcome through <see cref="OutcomeChip"/>, so a reader meets the same word everywhere.
/// </summary>
public static class OutcomeWords
{
    /// <summary>A run's outcome; null is a flow that never ran.</summary>
    public static string Of(RunStatus? status) => status switch
    {
        RunStatus.Running => "Running",
        RunStatus.Succeeded => "Succeeded",
        RunStatus.CompletedWithErrors => "Finished with errors",
        RunStatus.Failed => "Failed",
        RunStatus.Deferred => "Deferred",
        _ => "Never ran",
    };

    public static Color ColorOf(RunStatus? status) => status switch
    {
        RunStatus.Running => Color.Info,
        RunStatus.Succeeded => Color.Success,
        RunStatus.CompletedWithErrors => Color.Warning,
        RunStatus.Failed => Color.Error,
        RunStatus.Deferred => Color.Info,
        _ => Color.Default,
    };

    /// <summary>What happened to one record in a run.</summary>
    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Created => "Created",
        Outcome.Updated => "Updated",
        Outcome.Deleted => "Removed",
        Outcome.Skipped => "Skipped",
        Outcome.Failed => "Failed",
        Outcome.Unchanged => "No change",
        Outcome.Warning => "Sent with a note",
        _ => "Unknown",
    };

    public static Color ColorOf(Outcome outcome) => outcome switch
    {
        Outcome.Created or Outcome.Updated => Color.Success,
        Outcome.Failed => Color.Error,
        Outcome.Warning => Color.Warning,
        Outcome.Deleted => Color.Info,
        _ => Color.Default,
    };

    /// <summary>The record reached the target: the resync of a fixed record should end here.</summary>
    public static bool IsSuccess(Outcome outcome) => outcome is Outcome.Created or Outcome.Updated or Outcome.Deleted or Outcome.Warning;

    public static string Of(RunTrigger trigger) => trigger switch
    {
        RunTrigger.Schedule => "on schedule",
        RunTrigger.Manual => "started in the portal",
        RunTrigger.Api => "started through the API",
        RunTrigger.Webhook => "on a change notice",
        _ => "",
    };

    /// <summary>"1 record", "2 records": counts in sentences agree with their noun.</summary>
    public static string Count(int n, string singular, string? plural = null) => $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";
}
