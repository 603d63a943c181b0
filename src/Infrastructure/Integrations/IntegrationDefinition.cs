using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Http;

namespace Koppel.Infrastructure.Integrations;

/// <summary>A field of a connection: endpoint and identifiers are shown; secrets are write-only.</summary>
public sealed record ConnectionField(string Name, string Label, bool Secret = false, bool Required = true, string? Default = null)
{
    /// <summary>The only values the field takes, when it is a choice (e.g. a webshop's platform).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>
    /// A secret the hub makes up when it is empty (e.g. a token another system must send back): the portal generates it
    /// at the save and shows it once, right after; the hub's own checks generate it for connections saved through the API.
    /// </summary>
    public bool Generated { get; init; }

    /// <summary>A new random value for a <see cref="Generated"/> secret: 48 hex digits.</summary>
    public static string NewSecret() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}

/// <summary>The connection fields one system needs, and how to test them.</summary>
public sealed record ConnectionSchema(string System, string Name, IReadOnlyList<ConnectionField> Fields)
{
    /// <summary>
    /// A tenant may hold several accounts of this kind (e.g. webshops), given as a list of objects with a "key" in the
    /// API and each stored as its own connection <c>&lt;System&gt;.&lt;key&gt;</c>.
    /// </summary>
    public bool Keyed { get; init; }

    /// <summary>Whether a stored connection's system name is this schema's (or, when keyed, one of its accounts).</summary>
    public bool Holds(string system) => system == System || KeyOf(system) is not null;

    /// <summary>The account key of a keyed connection's system name (<c>webshops.shop-a</c> -> <c>shop-a</c>), else null.</summary>
    public string? KeyOf(string system) =>
        Keyed && system.Length > System.Length + 1 && system.StartsWith(System + ".", StringComparison.Ordinal) ? system[(System.Length + 1)..] : null;

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

    /// <summary>
    /// The live list for a setting path. A registered path may hold <c>*</c> for one part that is a key of the tenant's
    /// own (<c>webshops.*.warehouseId</c> serves <c>webshops.shop-a.warehouseId</c>).
    /// </summary>
    public SettingChoices? ChoicesFor(string path)
    {
        if (Choices.TryGetValue(path, out var exact)) return exact;
        var parts = path.Split('.');
        return Choices.FirstOrDefault(c => c.Key.Split('.') is var pattern && pattern.Length == parts.Length
                                           && pattern.Zip(parts).All(p => p.First == "*" || p.First == p.Second)).Value;
    }

    /// <summary>Settings checked against the connected systems when they are saved; null when the schema's validator is enough.</summary>
    public SettingsCheck? SettingsCheck { get; init; }

    /// <summary>The systems that call the hub back for this integration (its real-time path).</summary>
    public IReadOnlyList<WebhookIntake> Webhooks { get; init; } = [];

    /// <summary>The checklist support runs before a tenant's first sync; null when the integration has none.</summary>
    public ReadinessChecks? ReadinessChecks { get; init; }

    /// <summary>
    /// The scopes every flow of a tenant runs for, read from the tenant's stored connections (e.g. its webshops'
    /// keys); null when each flow runs once for the whole tenant. See <see cref="FlowScope"/>.
    /// </summary>
    public Func<Tenant, IReadOnlyList<string>>? Scopes { get; init; }

    /// <summary>What one scope is, in words and in the API (e.g. "webshop").</summary>
    public string ScopeName { get; init; } = "scope";

    /// <summary>The scopes a tenant's flows run for: the declared ones, or the single unscoped run.</summary>
    public IReadOnlyList<string?> ScopesOf(Tenant tenant) => Scopes is null ? [null] : Scopes(tenant).Cast<string?>().ToList();

    /// <summary>A flow by its key; a scoped key (<c>orders@shop-a</c>) finds its flow.</summary>
    public FlowDefinition? Flow(string key) => Flows.FirstOrDefault(f => f.Key == FlowScope.Split(key).Flow);
}
