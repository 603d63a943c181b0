using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.SyncLog.Inbox;

/// <summary>
/// Reads and resolves open errors for the inbox and the API. Every call names its tenant by slug (or, for the
/// support view across tenants, none); callers decide who may name which tenant.
/// </summary>
public sealed class ErrorInbox(IDbContextFactory<KoppelDb> dbs, TimeProvider clock)
{
    /// <summary>Open errors grouped by reason, newest failure first; a null slug reads every tenant.</summary>
    public async Task<IReadOnlyList<ErrorGroup>> GroupsAsync(string? slug, ErrorFilter filter, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var groups = await (await FilteredAsync(db, slug, filter, ct))
            .Join(db.Tenants, o => o.TenantId, t => t.Id, (o, t) => new { t.Slug, o.Flow, o.Reason, o.LastFailedAt })
            .GroupBy(o => new { o.Slug, o.Flow, o.Reason })
            .Select(g => new ErrorGroup(g.Key.Slug, g.Key.Flow, g.Key.Reason, g.Count(), g.Max(o => o.LastFailedAt)))
            .ToListAsync(ct);
        // Filtered and sorted here: the groups are few, the reason is their key (so a text in it picks whole groups,
        // in any case and language alike on every database), and an ORDER BY over an aggregate of a converted date
        // differs per database.
        return groups.Where(g => ReasonHas(g.Reason, filter))
            .OrderByDescending(g => g.LastFailedAt).ThenBy(g => g.Reason, StringComparer.Ordinal).ToList();
    }

    /// <summary>The number of open errors of a tenant, or of one of its flows: the counts on the dashboard and tenant page.</summary>
    public async Task<int> CountAsync(string slug, string? flow, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (await OpenAsync(db, slug, ct)).CountAsync(o => flow == null || o.Flow == flow, ct);
    }

    /// <summary>
    /// Open errors per tenant and flow in one query: the counts beside the flow rows and on the dashboard. A null
    /// slug counts every tenant.
    /// </summary>
    public async Task<IReadOnlyList<ErrorCount>> CountsAsync(string? slug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (await OpenAsync(db, slug, ct))
            .Join(db.Tenants, o => o.TenantId, t => t.Id, (o, t) => new { t.Slug, o.Flow })
            .GroupBy(o => new { o.Slug, o.Flow })
            .Select(g => new ErrorCount(g.Key.Slug, g.Key.Flow, g.Count()))
            .ToListAsync(ct);
    }

    /// <summary>The records of one group (the filter's flow and reason), newest failure first, narrowed like the groups.</summary>
    public async Task<IReadOnlyList<OpenError>> RecordsAsync(string slug, ErrorFilter group, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await (await FilteredAsync(db, slug, group, ct)).ToListAsync(ct);
        return rows.Where(o => ReasonHas(o.Reason, group))
            .OrderByDescending(o => o.LastFailedAt).ThenBy(o => o.SourceKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The source ids of a flow's open errors, of one reason when given, and of the given ids only when given (ids
    /// that are not open errors of this tenant's flow are left out).
    /// </summary>
    public async Task<IReadOnlyList<string>> SourceKeysAsync(string slug, string flow, string? reason, IReadOnlyCollection<string>? among, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var open = (await OpenAsync(db, slug, ct)).Where(o => o.Flow == flow && (reason == null || o.Reason == reason));
        if (among is not null) open = open.Where(o => among.Contains(o.SourceKey));
        return await open.OrderBy(o => o.Id).Select(o => o.SourceKey).ToListAsync(ct);
    }

    /// <summary>
    /// Resolves by hand every open error of a group (the filter's flow and reason), as far as the filter narrows it;
    /// returns how many were resolved.
    /// </summary>
    public async Task<int> ResolveGroupAsync(string slug, ErrorFilter group, string by, string? note, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = (await (await FilteredAsync(db, slug, group, ct)).ToListAsync(ct)).Where(o => ReasonHas(o.Reason, group)).ToList();
        // The filter reads without tracking; the rows found are attached to be changed and saved.
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in found)
        {
            db.OpenErrors.Attach(row);
            row.Resolve(now, by, note);
        }
        await db.SaveChangesAsync(ct);
        return found.Count;
    }

    /// <summary>Resolves one error by hand; false when the tenant has no such error.</summary>
    public Task<bool> ResolveAsync(string slug, long id, string by, string? note, CancellationToken ct) =>
        ChangeAsync(slug, id, e => e.Resolve(clock.GetUtcNow().UtcDateTime, by, note), ct);

    /// <summary>Takes a hand resolution back; false when the tenant has no such error.</summary>
    public Task<bool> ReopenAsync(string slug, long id, CancellationToken ct) => ChangeAsync(slug, id, e => e.Reopen(), ct);

    private async Task<bool> ChangeAsync(string slug, long id, Action<OpenError> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await TenantIdAsync(db, slug, ct);
        // Found by id and tenant together: an id of another tenant's error is simply not found.
        var row = await db.OpenErrors.FirstOrDefaultAsync(o => o.Id == id && o.TenantId == tenantId, ct);
        if (row is null) return false;
        change(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static bool ReasonHas(string reason, ErrorFilter filter) =>
        filter.Text is not { Length: > 0 } text || reason.Contains(text, StringComparison.CurrentCultureIgnoreCase);

    /// <summary>Open errors by the filter's flow, reason, age and record words (the reason text picks groups later).</summary>
    private async Task<IQueryable<OpenError>> FilteredAsync(KoppelDb db, string? slug, ErrorFilter filter, CancellationToken ct)
    {
        var open = await OpenAsync(db, slug, ct);
        var (flow, reason) = (filter.Flow, filter.Reason);
        // A flow takes in its scopes' errors too (a webshop's orders@sr1 under orders), as the log's filter does.
        var scoped = flow + FlowScope.Separator;
        open = open.Where(o => (flow == null || o.Flow == flow || o.Flow.StartsWith(scoped)) && (reason == null || o.Reason == reason));
        if (filter.FailingFor is { } age)
        {
            var since = clock.GetUtcNow().UtcDateTime - age;
            open = open.Where(o => o.FirstFailedAt <= since);
        }
        // The record's id, name and the data its latest failure read from the source.
        return filter.Record is { Length: > 0 } words ? SyncLogSearch.LatestFailure(db, open, words) : open;
    }

    private static async Task<IQueryable<OpenError>> OpenAsync(KoppelDb db, string? slug, CancellationToken ct)
    {
        var open = db.OpenErrors.AsNoTracking().Where(o => o.ResolvedAt == null);
        if (slug is null) return open;
        var tenantId = await TenantIdAsync(db, slug, ct);
        return open.Where(o => o.TenantId == tenantId);
    }

    private static async Task<int> TenantIdAsync(KoppelDb db, string slug, CancellationToken ct) =>
        (await db.Tenants.AsNoTracking().GetBySlugAsync(slug, ct)).Id;
}
