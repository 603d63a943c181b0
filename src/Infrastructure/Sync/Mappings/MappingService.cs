using System.Text.Json.Nodes;
using FluentValidation;
using Koppel.Domain.Audit;
using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Audit;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Sync.Mappings;

/// <summary>A tenant flow's mapping as shown: the current one, its version (0 = the flow's default) and the flow's target fields.</summary>
public sealed record MappingView(string Flow, int Version, FieldMapping Mapping, IReadOnlyList<TargetField> TargetFields, DateTime? SavedAt, string? SavedBy);

/// <summary>Reads, validates and saves tenant mappings; every save is a new version, nothing is overwritten.</summary>
public sealed class MappingService(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, AuditLog audit, TimeProvider clock)
{
    public async Task<MappingView> GetAsync(string slug, string flowKey, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (tenantId, flow) = await ResolveAsync(db, slug, flowKey, ct);
        var latest = await db.MappingVersions.AsNoTracking().Where(m => m.TenantId == tenantId && m.Flow == flow.Key)
            .OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        return latest is null
            ? new MappingView(flow.Key, 0, flow.DefaultMapping, flow.TargetFields, null, null)
            : new MappingView(flow.Key, latest.Version, MappingJson.Deserialize(latest.MappingJson), flow.TargetFields, latest.SavedAt, latest.SavedBy);
    }

    public async Task<IReadOnlyList<MappingVersion>> HistoryAsync(string slug, string flowKey, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (tenantId, flow) = await ResolveAsync(db, slug, flowKey, ct);
        return await db.MappingVersions.AsNoTracking().Where(m => m.TenantId == tenantId && m.Flow == flow.Key)
            .OrderByDescending(m => m.Version).ToListAsync(ct);
    }

    /// <summary>Validates and stores the mapping as a new version.</summary>
    /// <exception cref="InputRejected">With each invalid rule named by its path.</exception>
    public async Task<MappingView> SaveAsync(string slug, string flowKey, FieldMapping mapping, string? savedBy, string? comment, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (tenantId, flow) = await ResolveAsync(db, slug, flowKey, ct);
        var result = new FieldMappingValidator(flow.TargetTypes).Validate(mapping);
        if (!result.IsValid)
            throw new InputRejected(result.Errors.Select(e => new InputError(e.PropertyName, e.ErrorMessage)).ToList());
        await AddVersionAsync(db, tenantId, flow.Key, mapping, savedBy, comment, ct);
        return await GetAsync(slug, flowKey, ct);
    }

    /// <summary>
    /// Writes "map this field or not" options into the enabled switches of the affected mappings, as a version saved
    /// by whoever saved the options.
    /// </summary>
    public async Task ApplySwitchesAsync(string slug, JsonObject settings, string? changedBy, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().GetBySlugAsync(slug, ct);
        var integration = catalog.Get(tenant.Integration);
        foreach (var group in integration.FieldSwitches.GroupBy(s => s.Flow))
        {
            var flow = integration.Flow(group.Key)!;
            var current = await MappingStore.CurrentAsync(db, tenant.Id, flow, ct);
            var updated = group.Aggregate(current, (m, s) => ReadBool(settings, s.SettingPath) is { } on ? m.WithEnabled(s.TargetField, on) : m);
            if (!updated.Equals(current))
                await AddVersionAsync(db, tenant.Id, flow.Key, updated, changedBy, "Field switched by a tenant option", ct);
        }
    }

    /// <summary>Reads the switch options back from the mappings, the single source of truth for them.</summary>
    internal async Task<JsonObject> ReadSwitchesAsync(KoppelDb db, int tenantId, IntegrationDefinition integration, JsonObject settings, CancellationToken ct)
    {
        foreach (var group in integration.FieldSwitches.GroupBy(s => s.Flow))
        {
            var mapping = await MappingStore.CurrentAsync(db, tenantId, integration.Flow(group.Key)!, ct);
            foreach (var @switch in group)
                if (mapping.Find(@switch.TargetField) is { } field)
                    WriteBool(settings, @switch.SettingPath, field.Enabled);
        }
        return settings;
    }

    private async Task AddVersionAsync(KoppelDb db, int tenantId, string flow, FieldMapping mapping, string? savedBy, string? comment, CancellationToken ct)
    {
        var last = await db.MappingVersions.Where(m => m.TenantId == tenantId && m.Flow == flow).MaxAsync(m => (int?)m.Version, ct) ?? 0;
        db.MappingVersions.Add(new MappingVersion
        {
            TenantId = tenantId, Flow = flow, Version = last + 1, MappingJson = MappingJson.Serialize(mapping),
            SavedAt = clock.GetUtcNow().UtcDateTime, SavedBy = savedBy, Comment = comment,
        });
        audit.Add(db, tenantId, savedBy, [new AuditChange(AuditArea.Mapping, $"mappings.{flow}",
            last == 0 ? "default" : $"version {last}", $"version {last + 1}" + (comment is null ? "" : $": {comment}"))]);
        await db.SaveChangesAsync(ct);
    }

    private async Task<(int TenantId, FlowDefinition Flow)> ResolveAsync(KoppelDb db, string slug, string flowKey, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().GetBySlugAsync(slug, ct);
        var integration = catalog.Get(tenant.Integration);
        var flow = integration.Flow(flowKey) ?? throw new KeyNotFoundException($"The {integration.Name} integration has no flow \"{flowKey}\".");
        return (tenant.Id, flow);
    }

    private static bool? ReadBool(JsonObject settings, string path)
    {
        JsonNode? node = settings;
        foreach (var part in path.Split('.')) node = node?[part];
        return node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
    }

    private static void WriteBool(JsonObject settings, string path, bool value)
    {
        var parts = path.Split('.');
        var node = settings;
        foreach (var part in parts[..^1]) node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
        node[parts[^1]] = value;
    }
}
