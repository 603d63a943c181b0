using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Sync;

/// <summary>
/// What to run: a mode, who asked, and which records for <see cref="RunMode.SingleRecord"/> (<see cref="SourceId"/>)
/// and <see cref="RunMode.Records"/> (<see cref="SourceIds"/>).
/// </summary>
public sealed record RunRequest(RunMode Mode = RunMode.Incremental, RunTrigger Trigger = RunTrigger.Manual, string? SourceId = null)
{
    public IReadOnlyList<string> SourceIds { get; init; } = [];

    /// <summary>Write even when the payload equals the last one sent (a resync of named records always does).</summary>
    public bool Force { get; init; } = Mode.IsForRecords();

    /// <summary>A retry of the given records, e.g. the inbox's selection or group.</summary>
    public static RunRequest ForRecords(IReadOnlyList<string> sourceIds, RunTrigger trigger) =>
        new(RunMode.Records, trigger) { SourceIds = sourceIds };
}
