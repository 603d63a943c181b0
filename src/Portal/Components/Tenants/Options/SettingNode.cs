using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Portal.Components.Tenants.Options;

/// <summary>How an option is edited in the form, decided by its C# type.</summary>
public enum SettingKind
{
    Section,
    Switch,
    Choice,
    Integer,
    Decimal,
    Date,
    Text,
    Id,
    IdList,
    TextList,
    /// <summary>A type the form cannot edit: shown read-only and written back unchanged.</summary>
    Other,
}

/// <summary>One option (or titled group of options) of an integration's settings, found by walking its settings type.</summary>
public sealed class SettingNode
{
    /// <summary>The camelCase JSON path the API and the validators use, e.g. "warehouses.mode".</summary>
    public required string Path { get; init; }
    /// <summary>The JSON property name (the path's last part).</summary>
    public required string Name { get; init; }
    public required string Label { get; init; }
    public string? Hint { get; init; }
    public required SettingKind Kind { get; init; }
    /// <summary>The option may be left empty (a nullable type).</summary>
    public bool Optional { get; init; }
    /// <summary>For <see cref="SettingKind.Choice"/>: the enum's JSON values with readable labels.</summary>
    public IReadOnlyList<SettingChoice> Options { get; init; } = [];
    public IReadOnlyList<SettingNode> Children { get; init; } = [];

    /// <summary>An HTML id for the option's input.</summary>
    public string InputId => "setting-" + Path.Replace('.', '-');

    public IEnumerable<SettingNode> Leaves() =>
        Kind == SettingKind.Section ? Children.SelectMany(c => c.Leaves()) : [this];

    public static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.')) node = (node as JsonObject)?[part];
        return node;
    }
}
