using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Sync;

/// <summary>Creates a tenant flow's state row the first time the flow is touched, with the flow's defaults.</summary>
public static class FlowStates
{
    /// <param name="scope">For a flow that runs per scope: whose state (see <see cref="FlowScope"/>).</param>
    public static async Task<FlowState> EnsureAsync(KoppelDb db, int tenantId, FlowDefinition flow, CancellationToken ct, string? scope = null)
    {
        var key = FlowScope.Key(flow.Key, scope);
        var state = await db.FlowStates.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenantId && s.Flow == key, ct);
        if (state is not null) return state;
        state = new FlowState { TenantId = tenantId, Flow = key, Schedule = flow.DefaultSchedule, Enabled = true };
        // A scope added later (a new webshop), or the flow's own state next to its scopes' (made when its switch or
        // schedule is changed), waits with the rest of its flow while the tenant's connections have not tested green yet.
        var scoped = flow.Key + FlowScope.Separator;
        if (await db.FlowStates.AsNoTracking()
                .AnyAsync(s => s.TenantId == tenantId && (s.Flow == flow.Key || s.Flow.StartsWith(scoped)) && s.WaitingForConnections, ct))
            WaitingFlows.Wait(state);
        db.FlowStates.Add(state);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another trigger created it at the same moment; theirs is as good as ours.
            db.ChangeTracker.Clear();
            return await db.FlowStates.AsNoTracking().FirstAsync(s => s.TenantId == tenantId && s.Flow == key, ct);
        }
        db.Entry(state).State = EntityState.Detached;
        return state;
    }
}
