using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Audit;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Secrets;
using Koppel.Infrastructure.Tenants;

namespace Koppel.Infrastructure.Audit;

/// <summary>A tenant as the audit compares it before and after a save: name, options and connections (secrets by name only).</summary>
public sealed record TenantSnapshot(string? Name, JsonObject? Settings, IReadOnlyDictionary<string, ConnectionState> Connections)
{
    public static readonly TenantSnapshot None = new(null, null, new Dictionary<string, ConnectionState>());

    /// <param name="schema">Reads the stored options with their defaults filled in, so an option saved at its default
    /// value (the options form sends them all) is not reported as a change.</param>
    public static TenantSnapshot Of(Tenant tenant, SecretProtector secrets, SettingsSchema schema) => new(
        tenant.Name,
        schema.Parse(JsonNode.Parse(tenant.SettingsJson)) is { Settings: { } settings } ? schema.ToJson(settings) : JsonNode.Parse(tenant.SettingsJson) as JsonObject,
        tenant.Connections.ToDictionary(c => c.System, c => new ConnectionState(
            JsonSerializer.Deserialize<Dictionary<string, string?>>(c.FieldsJson) ?? [],
            secrets.Unprotect(c.ProtectedSecrets).Where(s => !string.IsNullOrEmpty(s.Value)).Select(s => s.Key).ToHashSet())));

    /// <summary>What the input changed; options only when the input carried them (a new tenant's defaults are not news).</summary>
    public IEnumerable<AuditChange> ChangesTo(TenantSnapshot after, TenantInput input)
    {
        if (Name != after.Name) yield return new(AuditArea.Tenant, "name", Name, after.Name);
        var given = (input.Connections ?? []).ToDictionary(
            c => c.Key, c => (IReadOnlySet<string>)c.Value.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => f.Key).ToHashSet());
        foreach (var change in AuditChanges.Connections(Connections, after.Connections, given)) yield return change;
        if (input.Settings is not null)
            foreach (var change in AuditChanges.Settings(Settings, after.Settings)) yield return change;
    }
}
