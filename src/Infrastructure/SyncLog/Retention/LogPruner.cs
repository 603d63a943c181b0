using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koppel.Infrastructure.SyncLog.Retention;

/// <summary>
/// Deletes sync log entries older than the retention period in small batches, keeping the latest outcome of every
/// record (tenant, flow, source key): the journey panel and the failed-record views read it however old it is.
/// </summary>
/// <remarks>
/// The log is walked in id order, which is the order entries were written and so, give or take a few seconds
/// between concurrent runs, time order: the walk stops at the first batch with nothing old in it, so a pass costs
/// the old part of the log, not all of it. Each batch is its own short statement; a run committing a page waits at
/// most for one batch (SQLite has one writer), never for the whole pass.
/// </remarks>
public sealed class LogPruner(IDbContextFactory<KoppelDb> dbs, IOptions<LogRetentionOptions> options, TimeProvider clock)
{
    /// <summary>Prunes everything that is due now; returns how many entries were deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-settings.RetentionDays);
        var deleted = 0;
        var after = 0L;
        while (!ct.IsCancellationRequested)
        {
            var batch = await NextBatchAsync(after, settings.BatchSize, cutoff, ct);
            if (batch.Old.Count == 0) break;
            deleted += await DeleteSupersededAsync(batch.Old, ct);
            if (batch.Reached) break;
            after = batch.LastId;
        }
        return deleted;
    }

    private async Task<(List<long> Old, long LastId, bool Reached)> NextBatchAsync(long after, int size, DateTime cutoff, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.SyncLog.AsNoTracking().Where(l => l.Id > after).OrderBy(l => l.Id).Take(size)
            .Select(l => new { l.Id, l.At }).ToListAsync(ct);
        var old = rows.Where(r => r.At < cutoff).Select(r => r.Id).ToList();
        // A short batch is the end of the log; a batch that reaches recent entries is the end of the old part.
        var reached = rows.Count < size || old.Count < rows.Count;
        return (old, rows.Count == 0 ? after : rows[^1].Id, reached);
    }

    private async Task<int> DeleteSupersededAsync(List<long> ids, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.SyncLog
            .Where(l => ids.Contains(l.Id)
                        && db.SyncLog.Any(n => n.TenantId == l.TenantId && n.SourceKey == l.SourceKey && n.Flow == l.Flow && n.Id > l.Id))
            .ExecuteDeleteAsync(ct);
    }
}
