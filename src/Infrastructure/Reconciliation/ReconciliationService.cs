using System.Text.Json;
using Koppel.Domain.Reconciliation;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Reconciliation;

/// <summary>
/// Computes a tenant's reconciliation report from its record links, its open errors and one count call on each side
/// of each entity (where the flow offers one), and keeps the latest per tenant.
/// </summary>
public sealed class ReconciliationService(
    IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, FlowContexts contexts, TimeProvider clock, ILogger<ReconciliationService> log)
{
    /// <summary>One count call waits at most this long (its client's retries included); then the side is "not counted".</summary>
    public static readonly TimeSpan CountTimeout = TimeSpan.FromMinutes(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The latest stored report, or null when none was computed yet.</summary>
    /// <exception cref="KeyNotFoundException">Unknown tenant.</exception>
    public async Task<ReconciliationReport?> LatestAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenantId = await db.Tenants.Where(t => t.Slug == slug).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct)
                       ?? throw new KeyNotFoundException($"There is no tenant \"{slug}\".");
        var stored = await db.Reconciliations.AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId, ct);
        return stored is null ? null : JsonSerializer.Deserialize<ReconciliationReport>(stored.Report, Json);
    }

    /// <summary>Computes the report now, stores it as the tenant's latest and returns it.</summary>
    /// <exception cref="KeyNotFoundException">Unknown tenant.</exception>
    public async Task<ReconciliationReport> ComputeAsync(string slug, CancellationToken ct)
    {
        Tenant tenant;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct)
                     ?? throw new KeyNotFoundException($"There is no tenant \"{slug}\".");
        var report = await ReportAsync(tenant, ct);
        await StoreAsync(tenant.Id, report, ct);
        return report;
    }

    /// <summary>The nightly pass: every tenant in turn; one tenant's failure is logged and never stops the others.</summary>
    public async Task ComputeAllAsync(CancellationToken ct)
    {
        List<string> slugs;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            slugs = await db.Tenants.OrderBy(t => t.Id).Select(t => t.Slug).ToListAsync(ct);
        foreach (var slug in slugs)
        {
            try { await ComputeAsync(slug, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The nightly reconciliation of {Tenant} failed", slug);
            }
        }
    }

    private async Task<ReconciliationReport> ReportAsync(Tenant tenant, CancellationToken ct)
    {
        var integration = catalog.Find(tenant.Integration);
        if (integration is null) return new ReconciliationReport(clock.GetUtcNow().UtcDateTime, []);
        FlowContext? context = null;
        string? contextProblem = null;
        try { context = contexts.Create(tenant, integration); }
        catch (SyncProblem problem) { contextProblem = problem.Message; }

        var entities = new List<EntityReconciliation>();
        // Flows that write the same target records share an entity (products and product changes): one line for them,
        // counted by the first flow that offers a count.
        foreach (var group in integration.Flows.GroupBy(f => f.Entity))
        {
            var flows = group.ToList();
            var counted = flows.FirstOrDefault(f => f.SourceCount is not null || f.TargetCount is not null) ?? flows[0];
            var source = await CountAsync(counted.SourceCount, context, contextProblem, tenant, counted, ct);
            var (linked, linksAt, failing) = await LinksAsync(tenant.Id, group.Key, flows, ct);
            var target = await CountAsync(counted.TargetCount, context, contextProblem, tenant, counted, ct);
            entities.Add(Reconcile.Entity(new EntityReadings(group.Key, counted.Key, counted.Name, counted.SourceSystem, counted.TargetSystem,
                source, target, linked, linksAt, failing)));
        }
        return new ReconciliationReport(clock.GetUtcNow().UtcDateTime, entities);
    }

    private async Task<SideCount> CountAsync(RecordCount? count, FlowContext? context, string? contextProblem, Tenant tenant, FlowDefinition flow, CancellationToken ct)
    {
        if (count is null) return SideCount.NotOffered;
        if (context is null) return SideCount.Failed(contextProblem!);
        try
        {
            var counted = await count(context, ct).WaitAsync(CountTimeout, ct);
            return counted is null ? SideCount.NotOffered : new SideCount(counted, clock.GetUtcNow().UtcDateTime);
        }
        catch (SyncProblem problem)
        {
            return SideCount.Failed(problem.Message);
        }
        catch (TimeoutException)
        {
            return SideCount.Failed($"The count did not answer within {CountTimeout.TotalMinutes:0} minutes.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Counting {Flow} of {Tenant} failed", flow.Key, tenant.Slug);
            return SideCount.Failed("The count could not be read just now. Support finds the details in the server log.");
        }
    }

    private async Task<(long Linked, DateTime At, IReadOnlyList<FailingReason> Failing)> LinksAsync(
        int tenantId, string entity, IReadOnlyList<FlowDefinition> flows, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var linked = await db.RecordLinks.LongCountAsync(l => l.TenantId == tenantId && l.Entity == entity, ct);
        var at = clock.GetUtcNow().UtcDateTime;
        var keys = flows.Select(f => f.Key).ToList();
        // Scoped flows store their errors as "orders@shop-a": read the tenant's few groups, then keep this entity's.
        var groups = await db.OpenErrors.AsNoTracking()
            .Where(o => o.TenantId == tenantId && o.ResolvedAt == null)
            .GroupBy(o => new { o.Flow, o.Reason })
            .Select(g => new { g.Key.Flow, g.Key.Reason, Count = g.Count() })
            .ToListAsync(ct);
        var failing = groups.Where(g => keys.Contains(FlowScope.Split(g.Flow).Flow))
            .Select(g => new FailingReason(g.Flow, g.Reason, g.Count)).ToList();
        return (linked, at, failing);
    }

    private async Task StoreAsync(int tenantId, ReconciliationReport report, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var json = JsonSerializer.Serialize(report, Json);
        var stored = await db.Reconciliations.FirstOrDefaultAsync(r => r.TenantId == tenantId, ct);
        if (stored is null) db.Reconciliations.Add(new ReconciliationSnapshot { TenantId = tenantId, ComputedAt = report.ComputedAt, Report = json });
        else
        {
            stored.ComputedAt = report.ComputedAt;
            stored.Report = json;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (stored is null)
        {
            // Another process stored this tenant's first report at the same moment: keep ours as the latest.
            await using var again = await dbs.CreateDbContextAsync(ct);
            await again.Reconciliations.Where(r => r.TenantId == tenantId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ComputedAt, report.ComputedAt).SetProperty(r => r.Report, json), ct);
        }
    }
}
