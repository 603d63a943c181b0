namespace Koppel.Domain.Sync;

/// <summary>Source record id to target record id for one tenant and entity, with the hash of the last payload sent.</summary>
public sealed class RecordLink
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>Entity name as the flow defines it (e.g. "product"); several flows may share one.</summary>
    public required string Entity { get; set; }
    public required string SourceId { get; set; }
    public required string TargetId { get; set; }
    public string? PayloadHash { get; set; }
    /// <summary>The last payload sent, kept so an impact preview can compare a draft mapping against it.</summary>
    public string? Payload { get; set; }
    public DateTime UpdatedAt { get; set; }
}
