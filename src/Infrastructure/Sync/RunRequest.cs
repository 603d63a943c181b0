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

    /// <summary>
    /// <see cref="RunMode.Records"/>: log every record, even one where nothing changed, as a retry must leave a trace
    /// (or its open error would stay). Change notices only count unchanged records, as a run of one record does.
    /// </summary>
    public bool LogUnchanged { get; init; } = true;

    /// <summary>A retry of the given records, e.g. the inbox's selection or group.</summary>
    public static RunRequest ForRecords(IReadOnlyList<string> sourceIds, RunTrigger trigger) =>
        new(RunMode.Records, trigger) { SourceIds = sourceIds };

    /// <summary>
    /// The records that change notices (webhooks) name, in one run: written only where they changed, so a repeated
    /// notice writes nothing; one the source no longer has is a deletion when the hub synced it, else nothing.
    /// </summary>
    public static RunRequest ForChangeNotices(IReadOnlyList<string> sourceIds) =>
        new(RunMode.Records, RunTrigger.Webhook) { SourceIds = sourceIds, Force = false, LogUnchanged = false };
}
