namespace Koppel.Domain.Sync;

/// <summary>Per tenant and flow: on/off, schedule, cursor and the last run.</summary>
public sealed class FlowState
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public required string Flow { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>Why the hub switched the flow off by itself (it kept failing), until someone switches it on again.</summary>
    public string? PausedReason { get; set; }
    /// <summary>
    /// A new tenant's flow, off until every connection of the tenant tests green; the hub then switches it on once.
    /// Cleared when someone switches the flow on or off by hand: their choice stands.
    /// </summary>
    public bool WaitingForConnections { get; set; }
    /// <summary>Either a whole number of minutes ("30") or a cron expression (five fields, or six with seconds first).</summary>
    public required string Schedule { get; set; }
    /// <summary>Opaque position in the source stream; null means "from the beginning".</summary>
    public string? Cursor { get; set; }
    public long? LastRunId { get; set; }
    public DateTime? LastRunAt { get; set; }
    public RunStatus? LastRunStatus { get; set; }
    /// <summary>When the last run that reached the end (with or without record failures) started; flows that read this one's output wait for it.</summary>
    public DateTime? LastSucceededAt { get; set; }
    /// <summary>When the scheduler starts this flow next; null while the flow is off. Stored so every node agrees and a restart keeps the rhythm.</summary>
    public DateTime? NextDueAt { get; set; }
    /// <summary>Id of the run holding this flow right now; set and cleared atomically so two nodes never run it twice.</summary>
    public long? RunningRunId { get; set; }
    /// <summary>When the holder's lease lapses: a node that died mid-run does not block the flow forever.</summary>
    public DateTime? LeaseUntil { get; set; }
}
