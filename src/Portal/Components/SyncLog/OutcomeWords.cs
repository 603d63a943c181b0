using Koppel.Domain.Sync;
using Radzen;

namespace Koppel.Portal.Components.SyncLog;

/// <summary>Outcomes and run states in the words a customer reads in the portal and the CSV export.</summary>
public static class OutcomeWords
{
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

    public static BadgeStyle Badge(Outcome outcome) => outcome switch
    {
        Outcome.Created or Outcome.Updated => BadgeStyle.Success,
        Outcome.Failed => BadgeStyle.Danger,
        Outcome.Warning => BadgeStyle.Warning,
        Outcome.Deleted => BadgeStyle.Info,
        _ => BadgeStyle.Light,
    };

    /// <summary>Created and updated records reached the target: the resync of a fixed record should end here.</summary>
    public static bool IsSuccess(Outcome outcome) => outcome is Outcome.Created or Outcome.Updated or Outcome.Deleted or Outcome.Warning;

    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Running => "Running",
        RunStatus.Succeeded => "Succeeded",
        RunStatus.CompletedWithErrors => "Finished with failures",
        RunStatus.Failed => "Stopped",
        _ => "Unknown",
    };

    public static BadgeStyle Badge(RunStatus status) => status switch
    {
        RunStatus.Running => BadgeStyle.Info,
        RunStatus.Succeeded => BadgeStyle.Success,
        RunStatus.CompletedWithErrors => BadgeStyle.Warning,
        _ => BadgeStyle.Danger,
    };

    public static string Of(RunTrigger trigger) => trigger switch
    {
        RunTrigger.Schedule => "on schedule",
        RunTrigger.Manual => "started in the portal",
        RunTrigger.Api => "started through the API",
        RunTrigger.Webhook => "on a change notice",
        _ => "",
    };

    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => "under a second",
        < 60 => $"{span.TotalSeconds:0} s",
        < 3600 => $"{(int)span.TotalMinutes} min {span.Seconds} s",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };
}
