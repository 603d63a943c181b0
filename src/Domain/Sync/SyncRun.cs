namespace Koppel.Domain.Sync;

/// <summary>One execution of a tenant's flow, with its counts.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Flow { get; set; }
    public RunMode Mode { get; set; }
    public RunTrigger Trigger { get; set; }
    public RunStatus Status { get; set; }
    /// <summary>The hub process that ran it, so a restarted node can tell its own interrupted runs.</summary>
    public string? Node { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }
    public int Deleted { get; set; }
    /// <summary>
    /// Calls made to each external system, as JSON (system key to count, e.g. {"exactOnline":12,"optiply":40}); kept
    /// up to date with every page, null when the run made none.
    /// </summary>
    public string? Calls { get; set; }
    /// <summary>Why the run stopped early, in words a customer can read; null when it ran to the end.</summary>
    public string? Error { get; set; }

    public void Count(Outcome outcome)
    {
        switch (outcome)
        {
            case Outcome.Created: Created++; break;
            case Outcome.Updated: Updated++; break;
            case Outcome.Unchanged: Unchanged++; break;
            case Outcome.Skipped: Skipped++; break;
            case Outcome.Failed: Failed++; break;
            case Outcome.Deleted: Deleted++; break;
            case Outcome.Warning: break;
        }
    }
}
