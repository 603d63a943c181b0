using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>One tenant's flows this node claimed, in the order they must run.</summary>
public sealed record DueTenant(int TenantId, string Slug, IReadOnlyList<string> Flows);

/// <summary>
/// Finds the flows that are due and claims them for this node. A claim moves the stored due time on to the next slot
/// with a conditional update, so of several nodes polling the same database exactly one starts each due run; the
/// flow lease that the run then takes stays the guard against two runs at once.
/// </summary>
public sealed class DueFlows(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, TimeProvider clock)
{
    /// <param name="tenants">How many tenants' work this node can take now.</param>
    /// <param name="busy">Tenants whose work is still going on on this node.</param>
    public async Task<IReadOnlyList<DueTenant>> ClaimAsync(int tenants, IReadOnlySet<int> busy, CancellationToken ct)
    {
        if (tenants <= 0) return [];
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var due = await db.FlowStates.AsNoTracking()
            .Where(s => s.Enabled && s.NextDueAt <= now && (s.RunningRunId == null || s.LeaseUntil < now))
            .OrderBy(s => s.NextDueAt)
            .Select(s => new { s.TenantId, s.NextDueAt })
            .Take(2_000).ToListAsync(ct);
        var candidates = due.Select(d => d.TenantId).Where(id => !busy.Contains(id)).Distinct().Take(tenants * 2).ToList();
        if (candidates.Count == 0) return [];

        var slugs = await db.Tenants.AsNoTracking().Where(t => candidates.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => (t.Slug, t.Integration), ct);
        var states = (await db.FlowStates.AsNoTracking().Where(s => candidates.Contains(s.TenantId)).ToListAsync(ct))
            .ToLookup(s => s.TenantId);
        var claimed = new List<DueTenant>();
        foreach (var tenantId in candidates)
        {
            if (claimed.Count == tenants) break;
            if (!slugs.TryGetValue(tenantId, out var tenant) || catalog.Find(tenant.Integration) is not { } integration) continue;
            var flows = await ClaimTenantAsync(db, integration, states[tenantId].ToDictionary(s => s.Flow), now, ct);
            if (flows.Count > 0) claimed.Add(new DueTenant(tenantId, tenant.Slug, flows));
        }
        return claimed;
    }

    private static async Task<List<string>> ClaimTenantAsync(KoppelDb db, IntegrationDefinition integration,
        Dictionary<string, FlowState> states, DateTime now, CancellationToken ct)
    {
        var flows = new List<string>();
        // A scoped flow (FlowScope: one state per webshop) is claimed per scope; its inputs are those of the same scope.
        var scopes = states.Keys.Select(k => FlowScope.Split(k)).ToLookup(k => k.Flow, k => k.Scope);
        foreach (var (flow, scope) in FlowOrder.Sort(integration).SelectMany(f => scopes[f.Key].OrderBy(s => s).Select(s => (f, s))))
        {
            if (states.GetValueOrDefault(FlowScope.Key(flow.Key, scope)) is not { Enabled: true, NextDueAt: { } due } state || due > now) continue;
            if (state.RunningRunId is not null && state.LeaseUntil >= now) continue;
            // Held (still due) until every input has run to the end once: its records would fail for want of theirs.
            if (flow.DependsOn.Any(input => states.GetValueOrDefault(FlowScope.Key(input, scope))?.LastSucceededAt is null)) continue;
            var next = FlowSchedule.NextDue(state.Schedule, due, now);
            var won = await db.FlowStates.Where(s => s.Id == state.Id && s.NextDueAt == due)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDueAt, next), ct);
            if (won == 1) flows.Add(state.Flow);
        }
        return flows;
    }
}
