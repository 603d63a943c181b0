namespace Koppel.Domain.Reconciliation;

/// <summary>
/// A tenant's reconciliation: per entity, what each side holds and what the hub linked, failed or left on one side.
/// </summary>
public sealed record ReconciliationReport(DateTime ComputedAt, IReadOnlyList<EntityReconciliation> Entities);

/// <summary>Records of one entity failing for one reason in one flow: a line of the inbox.</summary>
public sealed record FailingReason(string Flow, string Reason, int Count);

/// <summary>
/// One entity's figures. A null count means the side was not counted (the system offers no count, or the call failed:
/// <see cref="SourceProblem"/>/<see cref="TargetProblem"/> say why); its one-side-only figure is then null too, never 0.
/// </summary>
public sealed record EntityReconciliation
{
    public required string Entity { get; init; }
    /// <summary>The flow the counts were asked of (its key), for links to its inbox and log.</summary>
    public required string Flow { get; init; }
    public required string FlowName { get; init; }
    public required string SourceSystem { get; init; }
    public required string TargetSystem { get; init; }
    public long? SourceCount { get; init; }
    public long? TargetCount { get; init; }
    /// <summary>Source records the hub holds a link to a target record for.</summary>
    public long Linked { get; init; }
    public IReadOnlyList<FailingReason> Failing { get; init; } = [];
    public int FailingTotal => Failing.Sum(f => f.Count);
    /// <summary>Source records with no link: source count minus linked, never below zero.</summary>
    public long? SourceOnly { get; init; }
    /// <summary>Target records the hub did not write: target count minus linked, never below zero.</summary>
    public long? TargetOnly { get; init; }
    /// <summary>
    /// True when the one-side-only figures are estimates: the counts and the links were read at moments too far apart
    /// to rule out a change in between, or a difference came out below zero and was clamped.
    /// </summary>
    public bool Estimated { get; init; }
    public string? SourceProblem { get; init; }
    public string? TargetProblem { get; init; }
}
