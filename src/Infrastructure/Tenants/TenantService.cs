using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Audit;
using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Audit;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Secrets;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tenants;

/// <summary>Creates, updates and reads tenants for the admin API and the portal alike.</summary>
public sealed class TenantService(
    IDbContextFactory<KoppelDb> dbs,
    IntegrationCatalog catalog,
    SecretProtector secrets,
    MappingService mappings,
    FlowScheduler scheduler,
    Webhooks.WebhookRegistrar webhooks,
    AuditLog audit,
    ConnectionAddresses addresses,
    SettingsChecker settingsChecker,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantView>> ListAsync(string? onlySlug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenants = await db.Tenants.Include(t => t.Connections).AsNoTracking()
            .Where(t => onlySlug == null || t.Slug == onlySlug).OrderBy(t => t.Name).ToListAsync(ct);
        var views = new List<TenantView>();
        foreach (var tenant in tenants) views.Add(await ViewAsync(db, tenant, ct));
        return views;
    }

    public async Task<TenantView?> GetAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().FindBySlugAsync(slug, ct);
        return tenant is null ? null : await ViewAsync(db, tenant, ct);
    }

    /// <summary>Creates the tenant or updates it. Secrets not in the input keep their stored value.</summary>
    /// <param name="changedBy">Who saved it (a portal user's email, an API key's name): the audit log and the mapping
    /// versions that options switch carry it.</param>
    /// <param name="addressesLocked">True for callers bound to one tenant (a tenant-scoped API key): they may give
    /// secrets but not point a connection at another address.</param>
    /// <param name="flowsOn">For a tenant created now: its flows start on at once, instead of waiting for its connections
    /// to test green (<see cref="WaitingFlows"/>). Only for connections the hub knows to work: its own emulators. Their
    /// ids are the hub's own seed, so its settings are not checked live against them either (they may not listen yet).</param>
    /// <exception cref="InputRejected">With every invalid field named.</exception>
    public async Task<(TenantView View, bool Created)> UpsertAsync(string slug, TenantInput input, CancellationToken ct, string? changedBy = null,
        bool addressesLocked = false, bool flowsOn = false)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).FindBySlugAsync(slug, ct);
        var errors = new List<InputError>();
        if (TenantSlug.Problem(slug) is { } slugProblem) errors.Add(new("tenant", slugProblem));
        var name = input.Name?.Trim() ?? tenant?.Name;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) errors.Add(new("name", "A name of 1 to 200 characters is required."));
        var integrationKey = input.Integration ?? tenant?.Integration;
        var integration = integrationKey is null ? null : catalog.Find(integrationKey);
        if (integration is null)
            errors.Add(new("integration", $"Choose one of: {string.Join(", ", catalog.All.Select(i => i.Key))}."));
        else if (tenant is not null && tenant.Integration != integration.Key)
            errors.Add(new("integration", "A tenant's integration cannot be changed; create a new tenant instead."));
        if (integration is null) throw new InputRejected(errors);
        var before = tenant is null ? TenantSnapshot.None : TenantSnapshot.Of(tenant, secrets, integration.Settings);

        var settingsJson = input.Settings ?? (tenant is null ? null : JsonNode.Parse(tenant.SettingsJson) as JsonObject);
        var (settings, settingsErrors) = integration.Settings.Parse(settingsJson);
        errors.AddRange(settingsErrors.Select(e => new InputError($"settings.{e.Field}", e.Message)));
        var connections = ConnectionChanges.Apply(integration, tenant?.Connections ?? [], input.Connections, secrets, addresses, addressesLocked, errors);
        // Ids the connected systems must have are asked for only once everything else is right, and only when options
        // are saved: a save of a secret alone must not depend on another system answering.
        if (errors.Count == 0 && input.Settings is not null && !flowsOn)
            errors.AddRange(await settingsChecker.CheckAsync(integration, settings!,
                connections.Concat((tenant?.Connections ?? []).Where(c => connections.All(n => n.System != c.System))), ct));
        if (errors.Count > 0) throw new InputRejected(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var created = tenant is null;
        tenant ??= new Tenant { Slug = slug, Name = name!, Integration = integration.Key, CreatedAt = now };
        tenant.Name = name!;
        tenant.SettingsJson = integration.Settings.ToJson(settings!).ToJsonString();
        tenant.UpdatedAt = now;
        foreach (var connection in connections)
        {
            connection.UpdatedAt = now;
            if (!tenant.Connections.Contains(connection)) tenant.Connections.Add(connection);
        }
        if (created) db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);
        if (created && !flowsOn)
        {
            // One state per scope (webshop) the tenant has; without any yet, the flow's own, which the scopes added
            // later wait with (FlowStates.EnsureAsync).
            var scopes = integration.ScopesOf(tenant);
            foreach (var flow in integration.Flows)
            foreach (var key in scopes.Count == 0 ? [flow.Key] : scopes.Select(s => FlowScope.Key(flow.Key, s)).ToArray())
            {
                var state = new FlowState { TenantId = tenant.Id, Flow = key, Schedule = flow.DefaultSchedule };
                WaitingFlows.Wait(state);
                db.FlowStates.Add(state);
            }
        }
        audit.Add(db, tenant.Id, changedBy, before.ChangesTo(TenantSnapshot.Of(tenant, secrets, integration.Settings), input));
        await db.SaveChangesAsync(ct);

        if (input.Settings is not null)
            await mappings.ApplySwitchesAsync(slug, integration.Settings.ToJson(settings!), changedBy, ct);
        // Options that say when a flow runs (a nightly time, an interval) set its schedule when they are saved.
        if (input.Settings is not null || created)
            foreach (var flow in integration.Flows)
                if (flow.ScheduleFromSettings?.Invoke(settings!) is { } schedule)
                    await UpdateFlowAsync(slug, flow.Key, null, schedule, ct, changedBy);
        await scheduler.SyncAsync(slug, ct);
        // A saved connection gets the hub's webhooks at once; one that does not work yet is retried at the next check.
        if (input.Connections is not null) await webhooks.EnsureAsync(slug, ct);
        return ((await GetAsync(slug, ct))!, created);
    }

    /// <summary>Switches a flow on or off or changes its schedule; the scheduler follows at once.</summary>
    /// <exception cref="InputRejected">An invalid schedule.</exception>
    public async Task UpdateFlowAsync(string slug, string flowKey, bool? enabled, string? schedule, CancellationToken ct, string? changedBy = null)
    {
        if (schedule is not null && FlowSchedule.Problem(schedule) is { } problem)
            throw new InputRejected([new InputError("schedule", problem)]);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().GetBySlugAsync(slug, ct);
        var integration = catalog.Get(tenant.Integration);
        var flow = integration.Flow(flowKey)
                   ?? throw new KeyNotFoundException($"This tenant's integration has no flow \"{flowKey}\".");
        // A flow that runs per scope (webshop) has a state per scope, which is what the scheduler runs; its own state
        // only while the tenant has no scope yet (the scopes added later take it over, see FlowStates).
        var scopes = integration.ScopesOf(tenant);
        var ensured = new List<FlowState>();
        foreach (var scope in scopes.Count == 0 ? new string?[] { null } : scopes)
            ensured.Add(await FlowStates.EnsureAsync(db, tenant.Id, flow, ct, scope));
        var state = ensured[0];
        // The page and the API show one switch and one schedule per flow: both hold for each of its states.
        var scoped = flow.Key + FlowScope.Separator;
        var states = db.FlowStates.Where(s => s.TenantId == tenant.Id && (s.Flow == flow.Key || s.Flow.StartsWith(scoped)));
        if (schedule is not null)
        {
            var changed = await states.Where(s => s.Schedule != schedule).Select(s => s.Id).ToListAsync(ct);
            await states.ExecuteUpdateAsync(s => s.SetProperty(x => x.Schedule, schedule), ct);
            foreach (var id in changed) await FlowScheduler.ResetAsync(db, id, ct);
        }
        if (enabled is { } on)
        {
            // Whoever switches a flow on or off decides now, not the pause or the wait for the connections.
            await states.ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Enabled, on).SetProperty(x => x.PausedReason, (string?)null).SetProperty(x => x.WaitingForConnections, false), ct);
        }
        audit.Add(db, tenant.Id, changedBy, FlowChanges(flow.Key, state, enabled, schedule));
        await db.SaveChangesAsync(ct);
        await scheduler.SyncAsync(slug, ct);
    }

    private static IEnumerable<AuditChange> FlowChanges(string flow, FlowState state, bool? enabled, string? schedule)
    {
        if (enabled is { } on && on != state.Enabled)
            yield return new(AuditArea.Flow, $"flows.{flow}.enabled", state.Enabled ? "on" : "off", on ? "on" : "off");
        if (schedule is not null && schedule != state.Schedule)
            yield return new(AuditArea.Flow, $"flows.{flow}.schedule", state.Schedule, schedule);
    }

    private async Task<TenantView> ViewAsync(KoppelDb db, Tenant tenant, CancellationToken ct)
    {
        var integration = catalog.Find(tenant.Integration);
        var states = await db.FlowStates.AsNoTracking().Where(s => s.TenantId == tenant.Id).ToDictionaryAsync(s => s.Flow, ct);
        var flows = new List<FlowView>();
        foreach (var flow in integration?.Flows ?? [])
        {
            // A flow that runs per webshop may have only its webshops' states: the first stands for them.
            var state = states.GetValueOrDefault(flow.Key)
                        ?? states.Values.Where(s => FlowScope.Split(s.Flow).Flow == flow.Key).OrderBy(s => s.Flow, StringComparer.Ordinal).FirstOrDefault();
            flows.Add(new FlowView(flow.Key, flow.Name, flow.SourceSystem, flow.TargetSystem,
                state?.Enabled ?? true, state?.Schedule ?? flow.DefaultSchedule, state?.LastRunAt, state?.LastRunStatus,
                state?.RunningRunId is not null, scheduler.NextRun(state), state?.Enabled == false ? state.PausedReason : null,
                state?.WaitingForConnections == true));
        }
        var settings = JsonNode.Parse(tenant.SettingsJson) as JsonObject ?? [];
        if (integration is not null)
            settings = await mappings.ReadSwitchesAsync(db, tenant.Id, integration, settings, ct);
        return new TenantView(
            tenant.Slug, tenant.Name, tenant.Integration,
            tenant.Connections.ToDictionary(c => c.System, c => new ConnectionView(
                JsonSerializer.Deserialize<Dictionary<string, string>>(c.FieldsJson) ?? [],
                secrets.Unprotect(c.ProtectedSecrets).Where(s => !string.IsNullOrEmpty(s.Value)).Select(s => s.Key).Order().ToList())),
            settings, flows, tenant.CreatedAt, tenant.UpdatedAt);
    }
}
