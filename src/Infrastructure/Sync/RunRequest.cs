using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Sync;

/// <summary>What to run: a mode, who asked, and for <see cref="RunMode.SingleRecord"/> which record.</summary>
public sealed record RunRequest(RunMode Mode = RunMode.Incremental, RunTrigger Trigger = RunTrigger.Manual, string? SourceId = null)
{
    /// <summary>Write even when the payload equals the last one sent (single-record resync always does).</summary>
    public bool Force { get; init; } = Mode == RunMode.SingleRecord;
}
