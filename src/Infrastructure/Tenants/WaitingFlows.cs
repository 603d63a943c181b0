using Koppel.Domain.Audit;
using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Audit;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Tenants;

/// <summary>
/// A new tenant's flows start off: with connections missing or wrong, every flow would run and fail at once. The hub
/// switches them on by itself the first time every connection of the tenant tests green; a person may switch one on
/// earlier, and "Sync now" runs a flow whatever its switch says.
/// </summary>
public sealed class WaitingFlows(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, FlowScheduler scheduler, AuditLog audit,
    ILogger<WaitingFlows> log)
{
    /// <summary>What the tenant page shows next to the switch of a waiting flow.</summary>
    public const string Reason = "Waiting for the connections to test green";

    /// <summary>Marks a flow state as waiting (not saved).</summary>
    public static void Wait(FlowState state)
    {
        state.Enabled = false;
        state.PausedReason = Reason;
        state.WaitingForConnections = true;
        state.NextDueAt = null;
    }

    /// <summary>
    /// The connections that must test green before the flows start: each of the integration's connections, and of a
    /// kind a tenant holds several of (webshops) every stored one and at least one. Null when one is still missing.
    /// </summary>
    public static IReadOnlyList<string>? Needed(IntegrationDefinition integration, Tenant tenant)
    {
        var needed = new List<string>();
        foreach (var schema in integration.Connections)
        {
            var held = tenant.Connections.Select(c => c.System).Where(s => schema.Keyed ? schema.KeyOf(s) is not null : s == schema.System)
                .Order(StringComparer.Ordinal).ToList();
            if (held.Count == 0) return null;
            needed.AddRange(held);
        }
        return needed;
    }

    /// <summary>
    /// Called after <paramref name="tested"/> (a stored connection) tested green: when the tenant has flows waiting,
    /// tests its other connections with <paramref name="test"/> and, if every one is green, switches the waiting flows
    /// on, in the audit log as done by the hub.
    /// </summary>
    /// <returns>A sentence for the person who tested, or null when nothing waited.</returns>
    public async Task<string?> ConnectionGreenAsync(string slug, string tested, Func<string, Task<ConnectionTestResult>> test, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().GetBySlugAsync(slug, ct);
        if (!await db.FlowStates.AnyAsync(s => s.TenantId == tenant.Id && s.WaitingForConnections, ct)) return null;
        if (catalog.Find(tenant.Integration) is not { } integration) return null;
        if (Needed(integration, tenant) is not { } needed)
            return "The flows stay off until every connection is filled in and tests green.";
        foreach (var system in needed.Where(s => s != tested))
        {
            var result = await test(system);
            if (!result.Succeeded)
                return $"The flows stay off until every connection tests green; {system} does not yet: {result.Message}";
        }

        var waiting = await db.FlowStates.AsNoTracking().Where(s => s.TenantId == tenant.Id && s.WaitingForConnections).ToListAsync(ct);
        var switched = 0;
        foreach (var state in waiting)
        {
            // Conditional: of two tests finishing at once, one switches the flow on and says so in the audit log.
            var on = await db.FlowStates.Where(s => s.Id == state.Id && s.WaitingForConnections).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Enabled, true).SetProperty(x => x.PausedReason, (string?)null).SetProperty(x => x.WaitingForConnections, false), ct);
            if (on == 0) continue;
            switched++;
            audit.Add(db, tenant.Id, AuditLog.System, [new AuditChange(AuditArea.Flow, $"flows.{state.Flow}.enabled", "off", "on")]);
        }
        await db.SaveChangesAsync(ct);
        await scheduler.SyncAsync(slug, ct);
        if (switched == 0) return null;
        log.LogInformation("Every connection of tenant {Tenant} tested green: switched {Count} waiting flows on", slug, switched);
        return "Every connection tested green: the hub switched the tenant's flows on.";
    }
}
