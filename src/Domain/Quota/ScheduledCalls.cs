namespace Koppel.Domain.Quota;

/// <summary>
/// What one enabled flow's schedule will still spend on a system: how many runs are left in the system's day, and
/// how many runs a whole day has, times the flow's average calls per run to that system over its recent runs.
/// </summary>
public sealed record ScheduledCalls(string Flow, int RunsLeftToday, int RunsPerDay, double AverageCalls)
{
    public long RestOfToday => (long)Math.Ceiling(RunsLeftToday * AverageCalls);
    public long PerDay => (long)Math.Ceiling(RunsPerDay * AverageCalls);

    /// <summary>
    /// A flow's average calls per run to each system, from its recent runs' counts. Runs that made no call to a
    /// system count as zero for it: that is what such a run costs.
    /// </summary>
    public static IReadOnlyDictionary<string, double> Averages(IReadOnlyCollection<IReadOnlyDictionary<string, int>> runs)
    {
        if (runs.Count == 0) return new Dictionary<string, double>();
        return runs.SelectMany(r => r).GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => (double)c.Value) / runs.Count, StringComparer.Ordinal);
    }
}
