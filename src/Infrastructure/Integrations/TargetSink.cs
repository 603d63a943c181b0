using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Integrations;

/// <summary>The target's id for a written record and its answer, kept in the log to explain the outcome.</summary>
public sealed record TargetWrite(string TargetId, string? Response = null)
{
    /// <summary>
    /// Links of other entities the write produced (an order's lines), committed with the record's own link so a
    /// flow that writes a header and its lines keeps both idempotent. A null target id removes the link.
    /// </summary>
    public IReadOnlyList<TargetLink> Links { get; init; } = [];
}

/// <summary>A record link of another entity than the flow's own, written (or removed, when TargetId is null) by a sink.</summary>
public sealed record TargetLink(string Entity, string SourceId, string? TargetId);

/// <summary>Writes mapped payloads to a flow's target system. Every call must be safe to repeat.</summary>
public interface ITargetSink
{
    /// <summary>
    /// Looks the record up in the target by the source id it was written with (its remote id), so a crash
    /// between a write and its link can never produce a duplicate. Null when the target has no such record.
    /// </summary>
    Task<string?> FindAsync(string sourceId, CancellationToken ct);

    Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct);

    Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct);

    /// <summary>Removes (or per the integration's rules, disables) the target record. Gone already is fine.</summary>
    Task<string?> DeleteAsync(string targetId, CancellationToken ct);
}
