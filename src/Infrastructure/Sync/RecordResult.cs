using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Sync;

/// <summary>What processing one record produced, before it is committed with its page.</summary>
internal sealed record RecordResult(string SourceId, Outcome Outcome)
{
    public string? Message { get; init; }
    /// <summary>The tenant option or mapping field that decided the outcome (see <see cref="SyncLogEntry.Setting"/>).</summary>
    public string? Setting { get; init; }
    /// <summary>The record's name from the source (the flow's <see cref="FlowDefinition.Title"/>).</summary>
    public string? DisplayName { get; init; }
    /// <summary>Log this outcome (unchanged and out-of-scope records are only counted).</summary>
    public bool Logged { get; init; } = true;
    public string? TargetId { get; init; }
    public string? SourcePayload { get; init; }
    public string? TargetPayload { get; init; }
    public string? TargetResponse { get; init; }
    public string? PayloadHash { get; init; }
    /// <summary>Remove the record's link (its target record is gone).</summary>
    public bool Unlink { get; init; }
    /// <summary>Links of other entities the sink wrote along (see <see cref="TargetWrite.Links"/>).</summary>
    public IReadOnlyList<TargetLink> Links { get; init; } = [];
}
