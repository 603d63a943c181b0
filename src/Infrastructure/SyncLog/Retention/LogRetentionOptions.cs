using System.ComponentModel.DataAnnotations;

namespace Koppel.Infrastructure.SyncLog.Retention;

/// <summary>The SyncLog section of the configuration: how long the sync log keeps what happened.</summary>
public sealed class LogRetentionOptions
{
    public const string Section = "SyncLog";

    /// <summary>Entries older than this many days are pruned, except each record's latest outcome.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the pruner looks for old entries.</summary>
    [Range(1, 24 * 60)]
    public int PruneEveryMinutes { get; set; } = 60;

    /// <summary>Entries deleted per statement: small enough that a run's page commit never waits long for one.</summary>
    [Range(10, 100_000)]
    public int BatchSize { get; set; } = 1_000;
}
