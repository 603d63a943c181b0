using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Dashboard;

/// <summary>
/// Reads every tenant's health for the support dashboard in a fixed number of queries (not one per tenant),
/// so the page stays quick with hundreds of tenants. Secrets and settings are not read at all.
/// </summary>
public sealed class TenantHealthService(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, FlowScheduler scheduler, TimeProvider clock)
{
    public Task<IReadOnlyList<TenantHealth>> AllAsync(CancellationToken ct) => ReadAsync(null, ct);

    /// <summary>One tenant's health (its page header); null when there is no such tenant.</summary>
    public async Task<TenantHealth?> OfAsync(string slug, CancellationToken ct) => (await ReadAsync(slug, ct)).FirstOrDefault();

    private async Task<IReadOnlyList<TenantHealth>> ReadAsync(string? slug, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenants = await db.Tenants.AsNoTracking().Where(t => slug == null || t.Slug == slug).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Slug, t.Name, t.Integration }).ToListAsync(ct);
        int? only = slug is null ? null : tenants.Select(t => (int?)t.Id).FirstOrDefault() ?? -1;
        var states = (await db.FlowStates.AsNoTracking().Where(s => only == null || s.TenantId == only).ToListAsync(ct)).ToLookup(s => s.TenantId);
        var failedRecords = await db.SyncLog.AsNoTracking()
            .Where(l => only == null || l.TenantId == only)
            .Where(l => l.Outcome == Outcome.Failed && l.At >= since)
            .GroupBy(l => l.TenantId).Select(g => new { TenantId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TenantId, g => g.Count, ct);
        var failedRuns = await db.SyncRuns.AsNoTracking()
            .Where(r => only == null || r.TenantId == only)
            .Where(r => r.Status == RunStatus.Failed && r.StartedAt >= since)
            .GroupBy(r => r.TenantId).Select(g => new { TenantId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TenantId, g => g.Count, ct);
        // Per stored flow key: a flow that runs per webshop counts the open errors of all its webshops.
        var openErrors = (await db.OpenErrors.AsNoTracking()
            .Where(o => only == null || o.TenantId == only)
            .Where(o => o.ResolvedAt == null)
            .GroupBy(o => new { o.TenantId, o.Flow }).Select(g => new { g.Key.TenantId, g.Key.Flow, Count = g.Count() })
            .ToListAsync(ct)).ToLookup(o => o.TenantId);

        var health = new List<TenantHealth>(tenants.Count);
        foreach (var tenant in tenants)
        {
            var byFlow = states[tenant.Id].ToDictionary(s => s.Flow);
            var flows = new List<FlowHealth>();
            foreach (var flow in catalog.Find(tenant.Integration)?.Flows ?? [])
            {
                var state = byFlow.GetValueOrDefault(flow.Key);
                var open = openErrors[tenant.Id].Where(o => FlowScope.Split(o.Flow).Flow == flow.Key).Sum(o => o.Count);
                flows.Add(new FlowHealth(flow.Key, flow.Name, state?.Enabled ?? true, state?.LastRunAt, state?.LastRunStatus,
                    state?.RunningRunId is not null, scheduler.NextRun(state), open));
            }
            // People read the integration's name; its key is for programs.
            health.Add(new TenantHealth(tenant.Slug, tenant.Name, catalog.Find(tenant.Integration)?.Name ?? tenant.Integration, flows,
                failedRecords.GetValueOrDefault(tenant.Id), failedRuns.GetValueOrDefault(tenant.Id)));
        }
        return health;
    }
}
