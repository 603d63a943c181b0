using System.ComponentModel.DataAnnotations;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>The Scheduler section of the configuration.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Run flows on their schedules (manual runs and webhooks work either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due flows.</summary>
    [Range(1, 3600, ErrorMessage = "Scheduler:PollSeconds must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Scheduled runs this node runs at once; the rest wait for the next poll.</summary>
    [Range(1, 256, ErrorMessage = "Scheduler:MaxParallelRuns must be between 1 and 256.")]
    public int MaxParallelRuns { get; set; } = 4;

    /// <summary>This hub process's name, stable across restarts so it can tell the runs it left unfinished; the
    /// machine name by default. Two hub processes on one machine need a name each.</summary>
    public string? Node { get; set; }

    /// <summary>How long a run holds its flow without committing a page before another node may take over.</summary>
    [Range(30, 86_400, ErrorMessage = "Scheduler:LeaseSeconds must be between 30 and 86400.")]
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>The hour (UTC) of the nightly reconciliation report of every tenant.</summary>
    [Range(0, 23, ErrorMessage = "Scheduler:ReconciliationHourUtc must be between 0 and 23.")]
    public int ReconciliationHourUtc { get; set; } = 3;

    public string NodeName => string.IsNullOrWhiteSpace(Node) ? Environment.MachineName : Node;
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
