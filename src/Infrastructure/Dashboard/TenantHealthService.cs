using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Dashboard;

/// <summary>
/// Reads every tenant's health for the support dashboard in a fixed number of queries (not one per tenant),
/// so the page stays quick with hundreds of tenants. Secrets and settings are not read at all.
/// </summary>
public sealed class TenantHealthService(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, FlowScheduler scheduler, TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantHealth>> AllAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Slug, t.Name, t.Integration }).ToListAsync(ct);
        var states = (await db.FlowStates.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.TenantId);
        var failedRecords = await db.SyncLog.AsNoTracking()
            .Where(l => l.Outcome == Outcome.Failed && l.At >= since)
            .GroupBy(l => l.TenantId).Select(g => new { TenantId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TenantId, g => g.Count, ct);
        var failedRuns = await db.SyncRuns.AsNoTracking()
            .Where(r => r.Status == RunStatus.Failed && r.StartedAt >= since)
            .GroupBy(r => r.TenantId).Select(g => new { TenantId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TenantId, g => g.Count, ct);

        var health = new List<TenantHealth>(tenants.Count);
        foreach (var tenant in tenants)
        {
            var byFlow = states[tenant.Id].ToDictionary(s => s.Flow);
            var flows = new List<FlowHealth>();
            foreach (var flow in catalog.Find(tenant.Integration)?.Flows ?? [])
            {
                var state = byFlow.GetValueOrDefault(flow.Key);
                flows.Add(new FlowHealth(flow.Key, flow.Name, state?.Enabled ?? true, state?.LastRunAt, state?.LastRunStatus,
                    state?.RunningRunId is not null, await scheduler.NextRunAsync(tenant.Slug, flow.Key, ct)));
            }
            health.Add(new TenantHealth(tenant.Slug, tenant.Name, tenant.Integration, flows,
                failedRecords.GetValueOrDefault(tenant.Id), failedRuns.GetValueOrDefault(tenant.Id)));
        }
        return health;
    }
}
