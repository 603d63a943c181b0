using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.SyncLog;

/// <summary>Reads runs and log entries of one tenant for the API and the portal.</summary>
public sealed class SyncLogService(IDbContextFactory<KoppelDb> dbs)
{
    public async Task<IReadOnlyList<SyncRun>> RunsAsync(string slug, string? flow, int take, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await TenantIdAsync(db, slug, ct);
        var scoped = Scoped(flow);
        return await db.SyncRuns.AsNoTracking()
            .Where(r => r.TenantId == tenantId && (flow == null || r.Flow == flow || r.Flow.StartsWith(scoped)))
            .OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    /// <summary>One page of a tenant's runs, newest first; like the log, it says only whether more follow.</summary>
    public async Task<RunPage> RunPageAsync(string slug, string? flow, int page, int size, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await TenantIdAsync(db, slug, ct);
        size = Math.Clamp(size, 1, 200);
        var scoped = Scoped(flow);
        var rows = await db.SyncRuns.AsNoTracking()
            .Where(r => r.TenantId == tenantId && (flow == null || r.Flow == flow || r.Flow.StartsWith(scoped)))
            .OrderByDescending(r => r.Id).Skip((Math.Max(page, 1) - 1) * size).Take(size + 1).ToListAsync(ct);
        return new RunPage(rows.Take(size).ToList(), rows.Count > size);
    }

    /// <summary>
    /// How many runs of each of the tenant's flows ended how, per day (UTC), over the last <paramref name="days"/> days:
    /// the small outcome chart beside each flow. Counted by the database; a busy flow has thousands of runs a month.
    /// </summary>
    public async Task<IReadOnlyList<DailyRuns>> DailyRunsAsync(string slug, int days, DateTime today, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await TenantIdAsync(db, slug, ct);
        var since = today.Date.AddDays(1 - days);
        return await db.SyncRuns.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.StartedAt >= since && r.Status != RunStatus.Running)
            .GroupBy(r => new { r.Flow, Day = r.StartedAt.Date, r.Status })
            .Select(g => new DailyRuns(g.Key.Flow, g.Key.Day, g.Key.Status, g.Count()))
            .ToListAsync(ct);
    }

    public async Task<SyncRun?> RunAsync(string slug, long runId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await TenantIdAsync(db, slug, ct);
        return await db.SyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == runId, ct);
    }

    /// <summary>
    /// One page of the log. Counting a million rows for a total would cost more than the page itself, so the
    /// page says only whether more follow (one extra row is read).
    /// </summary>
    public async Task<LogPage> PageAsync(string slug, LogQuery query, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await TenantIdAsync(db, slug, ct);
        var size = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(query.Page, 1);
        var rows = await Ordered(await FilterAsync(db, tenantId, query, ct), query.Sort)
            .Skip((page - 1) * size).Take(size + 1)
            .ProjectToType<LogRow>(InfrastructureCopies.Config)
            .ToListAsync(ct);
        return new LogPage(rows.Take(size).ToList(), page, size, rows.Count > size);
    }

    /// <summary>
    /// How many rows the filter matches, counted up to <paramref name="cap"/>: a pager needs a number, but an
    /// exact count of a million rows on every filter change would cost more than every page read after it.
    /// </summary>
    /// <remarks>
    /// Which rows make up the first <paramref name="cap"/> does not change how many there are, so PostgreSQL counts
    /// them in no order and scans the table in sequence ("price is not" at 10M rows: 1.4 s, 3.4 to 4.8 s newest
    /// first). SQLite keeps the time order: without it its planner walked another of the tenant's indexes and read
    /// rows from all over the file ("Updated in" at 1M rows: 91 ms against 17 ms).
    /// </remarks>
    public async Task<LogCount> CountAsync(string slug, LogQuery query, int cap, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await TenantIdAsync(db, slug, ct);
        var matching = await FilterAsync(db, tenantId, query, ct);
        if (db.Database.IsSqlite()) matching = Ordered(matching, LogSort.Newest);
        var count = await matching.Take(cap + 1).CountAsync(ct);
        return new LogCount(Math.Min(count, cap), count > cap);
    }

    /// <summary>Every row the filter matches, for export; streamed, never held in memory at once.</summary>
    public async IAsyncEnumerable<LogRow> ExportAsync(string slug, LogQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await TenantIdAsync(db, slug, ct);
        await foreach (var row in Ordered(await FilterAsync(db, tenantId, query, ct), query.Sort)
                           .ProjectToType<LogRow>(InfrastructureCopies.Config)
                           .AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    /// <summary>The entry with its payloads, and the other outcomes of the same record in the same flow.</summary>
    public async Task<LogEntryDetails?> EntryAsync(string slug, long id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await TenantIdAsync(db, slug, ct);
        var entry = await db.SyncLog.AsNoTracking().FirstOrDefaultAsync(l => l.TenantId == tenantId && l.Id == id, ct);
        if (entry is null) return null;
        var history = await db.SyncLog.AsNoTracking()
            .Where(l => l.TenantId == tenantId && l.SourceKey == entry.SourceKey && l.Flow == entry.Flow && l.Id != id)
            .OrderByDescending(l => l.Id).Take(20)
            .ProjectToType<LogRow>(InfrastructureCopies.Config)
            .ToListAsync(ct);
        return new LogEntryDetails(entry, history);
    }

    /// <summary>
    /// A flow's filter also takes in its scopes' runs and entries (a webshop's <c>orders@sr1</c> under <c>orders</c>);
    /// a scoped key filters to that scope alone, as nothing is stored under <c>orders@sr1@…</c>.
    /// </summary>
    private static string Scoped(string? flow) => (flow ?? "") + Koppel.Infrastructure.Integrations.FlowScope.Separator;

    private static async Task<IQueryable<SyncLogEntry>> FilterAsync(KoppelDb db, int tenantId, LogQuery q, CancellationToken ct)
    {
        var source = string.IsNullOrWhiteSpace(q.Text) ? db.SyncLog : await SyncLogSearch.SourceAsync(db, q.Text.Trim(), ct);
        var log = source.AsNoTracking().Where(l => l.TenantId == tenantId);
        if (!string.IsNullOrEmpty(q.Flow))
        {
            var scoped = Scoped(q.Flow);
            log = log.Where(l => l.Flow == q.Flow || l.Flow.StartsWith(scoped));
        }
        if (q.Outcome is { } outcome) log = log.Where(l => l.Outcome == outcome);
        if (q.From is { } from) log = log.Where(l => l.At >= from);
        if (q.To is { } to) log = log.Where(l => l.At < to);
        if (q.RunId is { } run) log = log.Where(l => l.RunId == run);
        return log;
    }

    private static IQueryable<SyncLogEntry> Ordered(IQueryable<SyncLogEntry> log, LogSort sort) =>
        // Ordering by (At, Id) matches the (TenantId, [Flow], [Outcome], At) indexes, and (SourceKey, Id) the
        // (TenantId, SourceKey) index: the page is read in index order, never sorted after a full scan.
        sort switch
        {
            LogSort.Oldest => log.OrderBy(l => l.At).ThenBy(l => l.Id),
            LogSort.RecordAscending => log.OrderBy(l => l.SourceKey).ThenBy(l => l.Id),
            LogSort.RecordDescending => log.OrderByDescending(l => l.SourceKey).ThenByDescending(l => l.Id),
            _ => log.OrderByDescending(l => l.At).ThenByDescending(l => l.Id),
        };

    private static async Task<int> TenantIdAsync(KoppelDb db, string slug, CancellationToken ct) =>
        (await db.Tenants.AsNoTracking().GetBySlugAsync(slug, ct)).Id;
}
