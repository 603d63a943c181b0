using Koppel.Infrastructure.Http;

namespace Koppel.Infrastructure.Integrations;

/// <summary>A field of a connection: endpoint and identifiers are shown; secrets are write-only.</summary>
public sealed record ConnectionField(string Name, string Label, bool Secret = false, bool Required = true, string? Default = null);

/// <summary>The connection fields one system needs, and how to test them.</summary>
public sealed record ConnectionSchema(string System, string Name, IReadOnlyList<ConnectionField> Fields)
{
    /// <summary>Calls the system with the given connection and returns a sentence describing its answer.</summary>
    public Func<ConnectionInfo, ConnectorHttp, CancellationToken, Task<string>>? Test { get; init; }
}

/// <summary>
/// An option that says "map this field or not": its value is the enabled switch of the field's rule, so the
/// mapping editor and the option can never disagree.
/// </summary>
public sealed record FieldSwitch(string Flow, string TargetField, string SettingPath);

/// <summary>An integration between systems: its connections, typed settings and flows.</summary>
public sealed class IntegrationDefinition
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<ConnectionSchema> Connections { get; init; }
    public required SettingsSchema Settings { get; init; }
    public required IReadOnlyList<FlowDefinition> Flows { get; init; }
    public IReadOnlyList<FieldSwitch> FieldSwitches { get; init; } = [];
    /// <summary>Settings whose values are read live from a connected system, by camelCase setting path.</summary>
    public IReadOnlyDictionary<string, SettingChoices> Choices { get; init; } = new Dictionary<string, SettingChoices>();

    /// <summary>The systems that call the hub back for this integration (its real-time path).</summary>
    public IReadOnlyList<WebhookIntake> Webhooks { get; init; } = [];

    /// <summary>The checklist support runs before a tenant's first sync; null when the integration has none.</summary>
    public ReadinessChecks? ReadinessChecks { get; init; }

    public FlowDefinition? Flow(string key) => Flows.FirstOrDefault(f => f.Key == key);
}
