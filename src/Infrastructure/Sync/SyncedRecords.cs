using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Sync;

/// <summary>
/// What the hub remembers of a tenant's synced records: the links (source id to target id, with the hash of what was
/// written) and each flow's cursor. For a tenant whose systems lost their data, e.g. a demo tenant whose emulators were
/// seeded again, that memory points at records that are gone: updates of targets that no longer exist, and a cursor
/// that skips the records the source has again.
/// </summary>
public sealed class SyncedRecords(IDbContextFactory<KoppelDb> dbs)
{
    /// <summary>
    /// Forgets the tenant's links and cursors, so the next run of every flow reads everything and creates it anew. A flow
    /// that reads another's links also waits, on the schedule, until that one has run again (its last success is cleared).
    /// Run history, the sync log and settings stay.
    /// </summary>
    public async Task ForgetAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().GetBySlugAsync(slug, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.RecordLinks.Where(l => l.TenantId == tenant.Id).ExecuteDeleteAsync(ct);
        await db.FlowStates.Where(s => s.TenantId == tenant.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Cursor, (string?)null).SetProperty(x => x.LastSucceededAt, (DateTime?)null), ct);
        await transaction.CommitAsync(ct);
    }
}
