using Koppel.Infrastructure.Http;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Sync;

/// <summary>Writes one page's outcomes in one transaction: links, log entries, run counts and the cursor.</summary>
/// <remarks>
/// A scoped run (see <see cref="FlowScope"/>) keeps its links under the scoped entity and its log under the scoped flow key.
/// Links are read through <paramref name="reads"/>, a context of their own, so the next page's can be read while this
/// one's commit is being written through <paramref name="db"/>.
/// </remarks>
internal sealed class PageCommitter(KoppelDb db, KoppelDb reads, int tenantId, FlowDefinition flow, string? scope, SyncRun run, int stateId, TimeProvider clock, TimeSpan lease, RunCalls calls)
{
    private readonly string _entity = FlowScope.Key(flow.Entity, scope);
    private readonly string _flow = FlowScope.Key(flow.Key, scope);

    public async Task<Dictionary<string, RecordLinkState>> LinksAsync(IReadOnlyList<string> sourceIds, CancellationToken ct)
    {
        var links = new Dictionary<string, RecordLinkState>();
        // Chunked so the IN list stays well below SQLite's parameter limit.
        foreach (var chunk in sourceIds.Chunk(500))
        {
            var rows = await reads.RecordLinks.AsNoTracking()
                .Where(l => l.TenantId == tenantId && l.Entity == _entity && chunk.Contains(l.SourceId))
                .Select(l => new { l.SourceId, l.TargetId, l.PayloadHash })
                .ToListAsync(ct);
            foreach (var row in rows) links[row.SourceId] = new RecordLinkState(row.TargetId, row.PayloadHash);
        }
        return links;
    }

    public async Task CommitAsync(IReadOnlyList<RecordResult> results, IReadOnlyDictionary<string, RecordLinkState> before, string? cursor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        run.Calls = calls.ToJson();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var written = results.Where(r => r.Outcome is Outcome.Created or Outcome.Updated || r.Unlink).ToList();
        var existing = written.Count == 0
            ? []
            : await db.RecordLinks
                .Where(l => l.TenantId == tenantId && l.Entity == _entity && written.Select(w => w.SourceId).Contains(l.SourceId))
                .ToDictionaryAsync(l => l.SourceId, ct);

        var failures = new Dictionary<string, SyncLogEntry>();
        // New links and the log are inserted untracked (see UntrackedInserts); links that exist are changed through EF.
        var fresh = new Dictionary<string, Domain.Sync.RecordLink>();
        var entries = new List<SyncLogEntry>();
        foreach (var result in results)
        {
            run.Read++;
            run.Count(result.Outcome);
            if (result.Unlink)
            {
                if (existing.TryGetValue(result.SourceId, out var gone)) db.RecordLinks.Remove(gone);
                fresh.Remove(result.SourceId);
            }
            else if (result.Outcome is Outcome.Created or Outcome.Updated)
            {
                if (!existing.TryGetValue(result.SourceId, out var link) && !fresh.TryGetValue(result.SourceId, out link))
                    fresh[result.SourceId] = link = new Domain.Sync.RecordLink { TenantId = tenantId, Entity = _entity, SourceId = result.SourceId, TargetId = result.TargetId! };
                link.TargetId = result.TargetId!;
                link.PayloadHash = result.PayloadHash;
                link.Payload = result.TargetPayload;
                link.UpdatedAt = now;
            }
            if (result.Logged)
            {
                var entry = new SyncLogEntry
                {
                    TenantId = tenantId, RunId = run.Id, Flow = _flow, Outcome = result.Outcome, At = now,
                    SourceKey = result.SourceId, DisplayName = result.DisplayName, TargetKey = result.TargetId ?? before.GetValueOrDefault(result.SourceId)?.TargetId,
                    Message = result.Message ?? result.Outcome.ToString(), Setting = result.Setting,
                    SourcePayload = result.SourcePayload, TargetPayload = result.TargetPayload, TargetResponse = result.TargetResponse,
                };
                entries.Add(entry);
                if (result.Outcome == Outcome.Failed) failures[result.SourceId] = entry;
            }
        }
        await WriteOtherLinksAsync(results, now, ct);
        await db.SaveChangesAsync(ct);
        if (fresh.Count > 0)
        {
            await using var links = await UntrackedInserts<Domain.Sync.RecordLink>.PrepareAsync(db, ct);
            foreach (var link in fresh.Values) await links.InsertAsync(link, ct);
        }
        if (entries.Count > 0)
        {
            await using var log = await UntrackedInserts<SyncLogEntry>.PrepareAsync(db, ct);
            foreach (var entry in entries) await log.InsertAsync(entry, ct);
        }
        await LogIdsAsync(failures, ct);
        // After the save: an open error points at its failure's log id.
        await OpenErrorBook.RecordAsync(db, tenantId, _flow, results, failures, now, ct);

        await db.SyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Read, run.Read).SetProperty(r => r.Created, run.Created).SetProperty(r => r.Updated, run.Updated)
            .SetProperty(r => r.Unchanged, run.Unchanged).SetProperty(r => r.Skipped, run.Skipped)
            .SetProperty(r => r.Failed, run.Failed).SetProperty(r => r.Deleted, run.Deleted).SetProperty(r => r.Calls, run.Calls), ct);
        var leaseUntil = now + lease;
        if (cursor is not null)
            await db.FlowStates.Where(s => s.Id == stateId).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Cursor, cursor).SetProperty(x => x.LeaseUntil, leaseUntil), ct);
        else
            await db.FlowStates.Where(s => s.Id == stateId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntil, leaseUntil), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The ids the inserts gave the failures' log entries: a record's last entry of this run is the one just written.</summary>
    private async Task LogIdsAsync(Dictionary<string, SyncLogEntry> failures, CancellationToken ct)
    {
        foreach (var chunk in failures.Keys.Chunk(500))
        {
            var ids = await db.SyncLog.AsNoTracking()
                .Where(l => l.TenantId == tenantId && l.RunId == run.Id && l.Flow == _flow && l.Outcome == Outcome.Failed && chunk.Contains(l.SourceKey))
                .GroupBy(l => l.SourceKey)
                .Select(g => new { SourceKey = g.Key, Id = g.Max(l => l.Id) })
                .ToListAsync(ct);
            foreach (var row in ids) failures[row.SourceKey].Id = row.Id;
        }
    }

    /// <summary>Links a sink wrote for other entities (an order's lines), in the same transaction as the page.</summary>
    private async Task WriteOtherLinksAsync(IReadOnlyList<RecordResult> results, DateTime now, CancellationToken ct)
    {
        foreach (var group in results.SelectMany(r => r.Links).GroupBy(l => l.Entity))
        {
            var wanted = group.GroupBy(l => l.SourceId).Select(g => g.Last()).ToList();
            var existing = new Dictionary<string, Domain.Sync.RecordLink>();
            foreach (var chunk in wanted.Select(l => l.SourceId).Chunk(500))
                foreach (var row in await db.RecordLinks.Where(l => l.TenantId == tenantId && l.Entity == group.Key && chunk.Contains(l.SourceId)).ToListAsync(ct))
                    existing[row.SourceId] = row;
            foreach (var link in wanted)
            {
                var row = existing.GetValueOrDefault(link.SourceId);
                if (link.TargetId is null)
                {
                    if (row is not null) db.RecordLinks.Remove(row);
                    continue;
                }
                if (row is null)
                    db.RecordLinks.Add(row = new Domain.Sync.RecordLink { TenantId = tenantId, Entity = group.Key, SourceId = link.SourceId, TargetId = link.TargetId });
                row.TargetId = link.TargetId;
                row.UpdatedAt = now;
            }
        }
    }
}
