using Koppel.Domain.Sync;

namespace Koppel.Portal.Components.SyncLog;

/// <summary>
/// Outcomes and run states in the words a customer reads in the portal and the CSV export, and the one colour
/// each has wherever it is shown.
/// </summary>
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

    public static MudBlazor.Color Color(Outcome outcome) => outcome switch
    {
        Outcome.Created or Outcome.Updated => MudBlazor.Color.Success,
        Outcome.Failed => MudBlazor.Color.Error,
        Outcome.Warning => MudBlazor.Color.Warning,
        Outcome.Deleted => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>Created and updated records reached the target: the resync of a fixed record should end here.</summary>
    public static bool IsSuccess(Outcome outcome) => outcome is Outcome.Created or Outcome.Updated or Outcome.Deleted or Outcome.Warning;

    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Running => "Running",
        RunStatus.Succeeded => "Succeeded",
        RunStatus.CompletedWithErrors => "Finished with errors",
        RunStatus.Failed => "Failed",
        _ => "Unknown",
    };

    public static MudBlazor.Color Color(RunStatus status) => status switch
    {
        RunStatus.Running => MudBlazor.Color.Info,
        RunStatus.Succeeded => MudBlazor.Color.Success,
        RunStatus.CompletedWithErrors => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
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
