namespace Koppel.Infrastructure.Scheduling;

/// <summary>The Scheduler section of the configuration.</summary>
/// <param name="Enabled">Run flows on their schedules (manual runs work either way).</param>
/// <param name="PollSeconds">How often the dispatcher looks for due flows.</param>
/// <param name="MaxParallelRuns">Scheduled runs this node runs at once; the rest wait for the next poll.</param>
/// <param name="Node">This hub process's name, stable across restarts so it can tell the runs it left unfinished;
/// the machine name by default. Two hub processes on one machine need a name each.</param>
/// <param name="LeaseSeconds">How long a run holds its flow without committing a page before another node may take over.</param>
public sealed record SchedulerOptions(bool Enabled, int PollSeconds = 5, int MaxParallelRuns = 4, string? Node = null, int LeaseSeconds = 600)
{
    public string NodeName => string.IsNullOrWhiteSpace(Node) ? Environment.MachineName : Node;
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
