namespace Koppel.Domain.Reconciliation;

/// <summary>A count of one side, when it was read, or why there is none.</summary>
public sealed record SideCount(long? Count, DateTime? At, string? Problem = null)
{
    /// <summary>The side offers no count: shown as "not counted", never as zero.</summary>
    public static readonly SideCount NotOffered = new(null, null);

    public static SideCount Failed(string problem) => new(null, null, problem);
}

/// <summary>What one entity's figures are computed from.</summary>
/// <param name="LinksAt">When the record links were counted.</param>
public sealed record EntityReadings(
    string Entity, string Flow, string FlowName, string SourceSystem, string TargetSystem,
    SideCount Source, SideCount Target, long Linked, DateTime LinksAt, IReadOnlyList<FailingReason> Failing);

/// <summary>The arithmetic of a reconciliation: pure, so every figure on the page and in the CSV is testable alone.</summary>
public static class Reconcile
{
    /// <summary>
    /// Readings further apart than this may straddle a sync run (a page of records linked in between), so the differences
    /// drawn from them are labelled estimates. Within it they are read back to back by one computation.
    /// </summary>
    public static readonly TimeSpan SameMoment = TimeSpan.FromSeconds(5);

    public static EntityReconciliation Entity(EntityReadings r)
    {
        var (sourceOnly, sourceClamped) = Difference(r.Source.Count, r.Linked);
        var (targetOnly, targetClamped) = Difference(r.Target.Count, r.Linked);
        var moments = new[] { r.Source.At, r.Target.At, r.LinksAt }.OfType<DateTime>().ToList();
        var apart = moments.Count > 1 && moments.Max() - moments.Min() > SameMoment;
        var derived = sourceOnly is not null || targetOnly is not null;
        return new EntityReconciliation
        {
            Entity = r.Entity,
            Flow = r.Flow,
            FlowName = r.FlowName,
            SourceSystem = r.SourceSystem,
            TargetSystem = r.TargetSystem,
            SourceCount = r.Source.Count,
            TargetCount = r.Target.Count,
            Linked = r.Linked,
            Failing = r.Failing.OrderByDescending(f => f.Count).ThenBy(f => f.Reason, StringComparer.Ordinal).ToList(),
            SourceOnly = sourceOnly,
            TargetOnly = targetOnly,
            Estimated = derived && (apart || sourceClamped || targetClamped),
            SourceProblem = r.Source.Problem,
            TargetProblem = r.Target.Problem,
        };
    }

    // A count below the links means records went away after they were linked (or a count lags): clamp, and say so.
    private static (long? Value, bool Clamped) Difference(long? count, long linked) =>
        count is not { } c ? (null, false) : c >= linked ? (c - linked, false) : (0, true);
}
