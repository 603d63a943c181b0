namespace Koppel.Domain.Sync;

/// <summary>
/// A record whose latest outcome in a flow is "failed": one row per (tenant, flow, record), however often it
/// fails, so support counts problems rather than log entries.
/// </summary>
/// <remarks>Resolved by a later run that handles the record, or by hand with a note; a new failure reopens it.</remarks>
public sealed class OpenError
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Flow { get; set; }
    public required string SourceKey { get; set; }
    /// <summary>The record's name at its latest failure (see <see cref="SyncLogEntry.DisplayName"/>).</summary>
    public string? DisplayName { get; set; }
    /// <summary>The latest failure's message: the inbox groups records by it.</summary>
    public required string Reason { get; set; }
    /// <summary>The setting that decided the latest failure, if one did (see <see cref="SyncLogEntry.Setting"/>).</summary>
    public string? Setting { get; set; }
    public DateTime FirstFailedAt { get; set; }
    public DateTime LastFailedAt { get; set; }
    /// <summary>Failures since the error was last opened.</summary>
    public int Attempts { get; set; }
    /// <summary>The log entry of the latest failure, for the journey panel.</summary>
    public long LastLogId { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolutionNote { get; set; }

    public bool IsOpen => ResolvedAt is null;

    /// <summary>The longest reason kept; long target answers are cut so the grouping column stays indexable.</summary>
    public const int ReasonLength = 500;

    /// <summary>Records one more failure; a resolved error opens again with a fresh count.</summary>
    public void Failed(string reason, DateTime at, string? setting = null)
    {
        Setting = setting;
        if (!IsOpen || Attempts == 0)
        {
            FirstFailedAt = at;
            Attempts = 0;
            ResolvedAt = null;
            ResolvedBy = null;
            ResolutionNote = null;
        }
        Reason = Cut(reason);
        LastFailedAt = at;
        Attempts++;
    }

    /// <summary>A run handled the record after all.</summary>
    public void ResolvedByRun(DateTime at) => Resolve(at, null, null);

    /// <summary>Support closes the error, e.g. the record was fixed outside the hub.</summary>
    public void Resolve(DateTime at, string? by, string? note)
    {
        if (!IsOpen) return;
        ResolvedAt = at;
        ResolvedBy = by;
        ResolutionNote = note;
    }

    /// <summary>Support takes a resolution back; the attempts so far still count.</summary>
    public void Reopen()
    {
        ResolvedAt = null;
        ResolvedBy = null;
        ResolutionNote = null;
    }

    public static string Cut(string reason) => reason.Length <= ReasonLength ? reason : reason[..ReasonLength];
}
