namespace Koppel.Domain.Sync;

/// <summary>One record's outcome in a run (every outcome but "unchanged"), with what was read and sent.</summary>
public sealed class SyncLogEntry
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public long RunId { get; set; }
    public required string Flow { get; set; }
    public Outcome Outcome { get; set; }
    public DateTime At { get; set; }
    public required string SourceKey { get; set; }
    public string? TargetKey { get; set; }
    /// <summary>The record as people know it in the source (e.g. "ART-01234 · Steel stool"), next to its id.</summary>
    public string? DisplayName { get; set; }
    /// <summary>Human-readable: what happened and, on failure, why and what to do.</summary>
    public required string Message { get; set; }
    /// <summary>The tenant option or mapping field that decided this outcome (see <see cref="DecidingSetting"/>), so the
    /// portal can link to what the reader can change; null when the source data or a target system decided.</summary>
    public string? Setting { get; set; }
    public string? SourcePayload { get; set; }
    public string? TargetPayload { get; set; }
    /// <summary>The target system's answer (body or error), as far as it helps to explain the outcome.</summary>
    public string? TargetResponse { get; set; }
}
