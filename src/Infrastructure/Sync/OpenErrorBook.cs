using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Sync;

/// <summary>
/// Keeps the open errors of a flow in step with a committed page: a failure opens (or counts on) the record's
/// error, any other outcome resolves it. Runs inside the page's transaction, so the counts never disagree with the log.
/// </summary>
internal static class OpenErrorBook
{
    public static async Task RecordAsync(KoppelDb db, int tenantId, string flow, IReadOnlyList<RecordResult> results,
        IReadOnlyDictionary<string, SyncLogEntry> failures, DateTime now, CancellationToken ct)
    {
        // The latest result of a record in the page decides.
        var latest = results.GroupBy(r => r.SourceId).ToDictionary(g => g.Key, g => g.Last().Outcome);
        var rows = new Dictionary<string, OpenError>();
        // Chunked so the IN list stays well below SQLite's parameter limit.
        foreach (var chunk in latest.Keys.Chunk(500))
            foreach (var row in await db.OpenErrors.Where(o => o.TenantId == tenantId && o.Flow == flow && chunk.Contains(o.SourceKey)).ToListAsync(ct))
                rows[row.SourceKey] = row;

        foreach (var (sourceId, outcome) in latest)
        {
            var row = rows.GetValueOrDefault(sourceId);
            if (outcome != Outcome.Failed)
            {
                row?.ResolvedByRun(now);
                continue;
            }
            // A failure that was not logged has nothing to show in the journey panel; it cannot happen today.
            if (!failures.TryGetValue(sourceId, out var entry)) continue;
            if (row is null)
                db.OpenErrors.Add(row = new OpenError { TenantId = tenantId, Flow = flow, SourceKey = sourceId, Reason = entry.Message });
            row.Failed(entry.Message, now, entry.Setting);
            row.LastLogId = entry.Id;
            row.DisplayName = entry.DisplayName ?? row.DisplayName;
        }
        await db.SaveChangesAsync(ct);
    }
}
