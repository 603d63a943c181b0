using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>
/// Keeps each tenant flow's stored next due time in line with its schedule: set for enabled flows that have none
/// (a new tenant, a schedule just changed, a flow switched on), cleared for flows that are off. Called at start and
/// after every change from the portal or the API; <see cref="DueFlowDispatcher"/> reads what it stores.
/// </summary>
public sealed class FlowScheduler(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, SchedulerOptions options, TimeProvider clock)
{
    /// <summary>Brings every tenant's due times (or just <paramref name="tenantSlug"/>'s) in line with their schedules.</summary>
    public async Task SyncAsync(string? tenantSlug = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.Connections).Where(t => tenantSlug == null || t.Slug == tenantSlug)
            .ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            if (catalog.Find(tenant.Integration) is not { } integration) continue;
            // A flow of an integration with scopes (webshops) has one schedule per scope.
            foreach (var (flow, scope) in integration.Flows.SelectMany(f => integration.ScopesOf(tenant).Select(s => (f, s))))
            {
                var state = await FlowStates.EnsureAsync(db, tenant.Id, flow, ct, scope);
                if (state.Enabled == state.NextDueAt.HasValue) continue;
                DateTime? due = state.Enabled ? FlowSchedule.FirstDue(state.Schedule, state.LastRunAt, now) : null;
                // Conditional, so a node that computed the same thing at the same moment changes nothing.
                await db.FlowStates.Where(s => s.Id == state.Id && s.NextDueAt == state.NextDueAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDueAt, due), ct);
            }
        }
    }

    /// <summary>Forgets a flow's due time so the next <see cref="SyncAsync"/> computes it from its (new) schedule.</summary>
    public static Task ResetAsync(KoppelDb db, int stateId, CancellationToken ct) =>
        db.FlowStates.Where(s => s.Id == stateId).ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDueAt, (DateTime?)null), ct);

    /// <summary>When the flow runs next on its schedule, if it is scheduled.</summary>
    public DateTimeOffset? NextRun(FlowState? state) =>
        options.Enabled && state is { Enabled: true, NextDueAt: { } due } ? new DateTimeOffset(due, TimeSpan.Zero) : null;
}
