using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Sync;

/// <summary>Source records whose latest outcome in a flow is "failed": the next incremental run tries them again.</summary>
internal static class FailedRecords
{
    public static async Task<IReadOnlyList<string>> PendingAsync(KoppelDb db, int tenantId, string flow, CancellationToken ct)
    {
        // Failures are few next to successes; read them first (index TenantId, Flow, Outcome, At), then
        // drop each that has a later outcome of another kind.
        var failed = await db.SyncLog.AsNoTracking()
            .Where(l => l.TenantId == tenantId && l.Flow == flow && l.Outcome == Outcome.Failed)
            .GroupBy(l => l.SourceKey)
            .Select(g => new { Key = g.Key, Last = g.Max(l => l.Id) })
            .ToListAsync(ct);
        var pending = new List<string>();
        foreach (var chunk in failed.Chunk(500))
        {
            var keys = chunk.Select(f => f.Key).ToList();
            var later = await db.SyncLog.AsNoTracking()
                .Where(l => l.TenantId == tenantId && l.Flow == flow && keys.Contains(l.SourceKey) && l.Outcome != Outcome.Failed)
                .GroupBy(l => l.SourceKey)
                .Select(g => new { Key = g.Key, Last = g.Max(l => l.Id) })
                .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
            pending.AddRange(chunk.Where(f => !later.TryGetValue(f.Key, out var ok) || ok < f.Last).Select(f => f.Key));
        }
        return pending;
    }
}
