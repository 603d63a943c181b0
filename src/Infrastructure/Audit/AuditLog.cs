using Koppel.Domain.Audit;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Audit;

/// <summary>Who changed what on a tenant: written with the change itself, read on the tenant page and in the API.</summary>
public sealed class AuditLog(IDbContextFactory<KoppelDb> dbs, TimeProvider clock)
{
    /// <summary>Who a change is put down to when a caller does not say (start-up, demo seeding).</summary>
    public const string System = "the hub";

    /// <summary>Adds the changes to the context; they are stored by the caller's next save, with the change.</summary>
    public void Add(KoppelDb db, int tenantId, string? actor, IEnumerable<AuditChange> changes)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var change in changes)
            db.AuditEntries.Add(new AuditEntry
            {
                TenantId = tenantId, At = at, Actor = Truncate(actor ?? System, 200), Area = change.Area,
                Subject = Truncate(change.Subject, 200), From = change.From, To = change.To,
            });
    }

    /// <summary>The tenant's changes, newest first; <c>HasMore</c> says whether another page follows.</summary>
    /// <param name="withValues">False for a customer: connection and option values stay with support staff (the portal
    /// never shows them to customers either), so those entries say what changed and by whom, not from what to what.</param>
    public async Task<AuditPage> PageAsync(string slug, int page, int pageSize, bool withValues, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().GetBySlugAsync(slug, ct);
        var size = Math.Clamp(pageSize, 1, 200);
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.TenantId == tenant.Id)
            .OrderByDescending(a => a.Id).Skip((Math.Max(page, 1) - 1) * size).Take(size + 1).ToListAsync(ct);
        return new AuditPage(rows.Take(size).Select(e => AuditRow.Of(e, withValues)).ToList(), Math.Max(page, 1), size, rows.Count > size);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

public sealed record AuditRow(DateTime At, string Actor, AuditArea Area, string Subject, string? From, string? To)
{
    public static AuditRow Of(AuditEntry e, bool withValues) =>
        withValues || e.Area is not (AuditArea.Connection or AuditArea.Option)
            ? new(e.At, e.Actor, e.Area, e.Subject, e.From, e.To)
            : new(e.At, e.Actor, e.Area, e.Subject, null, null);
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, int PageSize, bool HasMore);
