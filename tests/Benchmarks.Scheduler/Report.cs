using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Benchmarks.Scheduler;

/// <summary>Reads the scheduled runs from the database and prints the figures.</summary>
public static class Report
{
    public static async Task PrintAsync(SchedulerHub coordinator, Dictionary<int, DateTime> anchors, DateTime since, BenchOptions options, IReadOnlyList<NodeReport> nodes)
    {
        await using var db = await coordinator.Get<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var stateOf = await db.FlowStates.ToDictionaryAsync(s => (s.TenantId, s.Flow), s => s.Id);
        var runs = await db.SyncRuns.AsNoTracking().Where(r => r.Trigger == RunTrigger.Schedule && r.StartedAt >= since).ToListAsync();
        var slot = TimeSpan.FromMinutes(BenchOptions.ScheduleMinutes);
        var lateness = runs.Select(r => Late(r.StartedAt, anchors[stateOf[(r.TenantId, r.Flow)]], slot)).Order().ToList();
        var noChange = runs.Count(r => r.Created + r.Updated + r.Deleted + r.Failed == 0);
        var cpu = nodes.Sum(n => n.CpuSeconds);
        var writes = nodes.Sum(n => n.Writes);
        var expected = anchors.Values.Sum(a => Slots(a, since, since.AddMinutes(options.Minutes), slot));

        Console.WriteLine($"Scheduled runs: {runs.Count:N0} of {expected:N0} due in the window ({noChange:N0} no-change, {runs.Count(r => r.Status != RunStatus.Succeeded)} not succeeded)");
        Console.WriteLine($"Lateness (start - due): p50 {Percentile(lateness, 0.50):N2} s, p99 {Percentile(lateness, 0.99):N2} s, max {(lateness.Count == 0 ? 0 : lateness[^1]):N2} s");
        Console.WriteLine($"Runs per minute: {runs.Count / options.Minutes:N1}");
        Console.WriteLine($"Per no-change run: {cpu / Math.Max(1, runs.Count) * 1000:N1} ms CPU (nodes' whole CPU / runs), {(double)writes / Math.Max(1, runs.Count):N1} database writes");
        foreach (var node in nodes)
            Console.WriteLine($"  {node.Node}: {runs.Count(r => r.Node == node.Node):N0} runs, {node.CpuSeconds:N1} s CPU, {node.Writes:N0} writes, peak working set {node.PeakWorkingSetBytes / 1024.0 / 1024:N0} MB");
        var overlaps = runs.GroupBy(r => (r.TenantId, r.Flow))
            .Sum(g => g.OrderBy(r => r.StartedAt).Zip(g.OrderBy(r => r.StartedAt).Skip(1)).Count(p => p.Second.StartedAt < (p.First.EndedAt ?? DateTime.MaxValue)));
        Console.WriteLine($"Flows run twice at once: {overlaps}");
    }

    private static double Late(DateTime started, DateTime anchor, TimeSpan slot) =>
        started < anchor ? (started - anchor).TotalSeconds : ((started - anchor).Ticks % slot.Ticks) / (double)TimeSpan.TicksPerSecond;

    private static int Slots(DateTime anchor, DateTime from, DateTime to, TimeSpan slot)
    {
        var count = 0;
        for (var due = anchor; due <= to; due += slot) if (due >= from) count++;
        return count;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
