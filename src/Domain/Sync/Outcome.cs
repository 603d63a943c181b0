namespace Koppel.Domain.Sync;

/// <summary>What happened to one source record in a run. Unchanged records are counted, not logged.</summary>
public enum Outcome
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
    Skipped = 4,
    Failed = 5,
    Unchanged = 6,
    Warning = 7,
}
