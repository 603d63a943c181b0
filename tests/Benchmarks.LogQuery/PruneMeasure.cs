using System.Diagnostics;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.SyncLog.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Koppel.Benchmarks.LogQuery;

/// <summary>
/// Prunes the first days of the filled log with the hub's own pruner while a "run" commits a page of 50 entries
/// every 100 ms, and prints the pruning throughput and the page commit times before and during pruning.
/// Destructive: the next benchmark run fills the database again.
/// </summary>
internal static class PruneMeasure
{
    public static async Task RunAsync(IDbContextFactory<KoppelDb> dbs, int pruneDays, int batchSize)
    {
        var end = LogRows.Start + LogRows.Span;
        var options = new LogRetentionOptions { RetentionDays = (int)(LogRows.Span.TotalDays - pruneDays), BatchSize = batchSize };
        var pruner = new LogPruner(dbs, Options.Create(options), new FakeTimeProvider(end));
        int tenantId;
        await using (var db = await dbs.CreateDbContextAsync())
            tenantId = await db.Tenants.Where(t => t.Slug == LogRows.MainTenant).Select(t => t.Id).SingleAsync();

        Console.WriteLine();
        Console.WriteLine($"Pruning entries older than day {pruneDays} of the log, batches of {batchSize:N0}, while a run commits pages…");
        var before = await CommitPagesAsync(dbs, tenantId, () => false, maxPages: 20);
        var watch = Stopwatch.StartNew();
        // On its own thread: SQLite's provider completes "async" calls synchronously, so awaiting the pruner here
        // would prune everything before the first page is committed, and measure no page at all.
        var pruning = Task.Run(() => pruner.PruneAsync(CancellationToken.None));
        var during = await CommitPagesAsync(dbs, tenantId, () => pruning.IsCompleted, maxPages: int.MaxValue);
        var deleted = await pruning;
        var seconds = watch.Elapsed.TotalSeconds;

        Console.WriteLine($"Pruned {deleted:N0} entries in {seconds:F1} s: {deleted / seconds:N0} entries/s.");
        Console.WriteLine($"{"page commit (50 entries)",-28} {"pages",6} {"median",8} {"p99",8} {"max",8}  (ms)");
        Print("before pruning", before);
        Print("while pruning", during);
    }

    private static async Task<double[]> CommitPagesAsync(IDbContextFactory<KoppelDb> dbs, int tenantId, Func<bool> done, int maxPages)
    {
        var times = new List<double>();
        long runId;
        await using (var db = await dbs.CreateDbContextAsync())
        {
            var run = new SyncRun { TenantId = tenantId, Flow = "products", Status = RunStatus.Running, StartedAt = DateTime.UtcNow };
            db.SyncRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }
        while (!done() && times.Count < maxPages)
        {
            var watch = Stopwatch.StartNew();
            await using (var db = await dbs.CreateDbContextAsync())
            {
                db.SyncLog.AddRange(Enumerable.Range(0, 50).Select(i => new SyncLogEntry
                {
                    TenantId = tenantId, RunId = runId, Flow = "products", Outcome = Outcome.Updated, At = DateTime.UtcNow,
                    SourceKey = $"NEW-{times.Count}-{i}", TargetKey = "900001", Message = "Updated in Optiply as 900001.",
                    SourcePayload = """{"Code":"NEW","Description":"A record written while the log is pruned"}""",
                }));
                await db.SaveChangesAsync();
            }
            times.Add(watch.Elapsed.TotalMilliseconds);
            await Task.Delay(100);
        }
        return times.Order().ToArray();
    }

    private static void Print(string name, double[] sorted)
    {
        if (sorted.Length == 0) { Console.WriteLine($"{name,-28} {0,6}"); return; }
        var p99 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)];
        Console.WriteLine($"{name,-28} {sorted.Length,6} {sorted[sorted.Length / 2],8:F1} {p99,8:F1} {sorted[^1],8:F1}");
    }
}
