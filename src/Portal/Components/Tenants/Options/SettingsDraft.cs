using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Portal.Components.Tenants.Options;

/// <summary>
/// The options as the form edits them: one typed value per option path, read from the tenant's settings JSON and
/// written back to JSON for saving. Options the form cannot edit keep their JSON as it was.
/// </summary>
public sealed class SettingsDraft
{
    private readonly IReadOnlyList<SettingNode> _tree;
    private readonly JsonObject _original;
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public SettingsDraft(IReadOnlyList<SettingNode> tree, JsonObject settings)
    {
        _tree = tree;
        _original = (JsonObject)settings.DeepClone();
        foreach (var leaf in tree.SelectMany(n => n.Leaves()))
            _values[leaf.Path] = Read(leaf, SettingNode.Find(_original, leaf.Path));
    }

    public T? Get<T>(string path) => _values.TryGetValue(path, out var value) && value is T typed ? typed : default;

    public void Set(string path, object? value) => _values[path] = value;

    /// <summary>The settings JSON to save: the original with every editable option replaced by the form's value.</summary>
    public JsonObject ToJson()
    {
        var json = (JsonObject)_original.DeepClone();
        foreach (var leaf in _tree.SelectMany(n => n.Leaves()))
        {
            if (leaf.Kind == SettingKind.Other) continue;
            var parts = leaf.Path.Split('.');
            var parent = json;
            foreach (var part in parts[..^1])
                parent = parent[part] as JsonObject ?? (JsonObject)(parent[part] = new JsonObject());
            parent[parts[^1]] = Write(leaf, _values.GetValueOrDefault(leaf.Path));
        }
        return json;
    }

    private static object? Read(SettingNode leaf, JsonNode? node)
    {
        var value = node as JsonValue;
        return leaf.Kind switch
        {
            SettingKind.Switch => value is not null && value.TryGetValue<bool>(out var b) && b,
            SettingKind.Choice or SettingKind.Text or SettingKind.Id => value?.ToString(),
            SettingKind.Integer => value is not null && value.TryGetValue<long>(out var l) ? l : null,
            SettingKind.Decimal => value is not null && value.TryGetValue<decimal>(out var d) ? d : null,
            SettingKind.Date => value is not null && DateTime.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            SettingKind.IdList or SettingKind.TextList => (node as JsonArray)?.Select(e => e?.ToString()).OfType<string>().ToList() ?? [],
            _ => node?.ToJsonString(),
        };
    }

    private static JsonNode? Write(SettingNode leaf, object? value) => leaf.Kind switch
    {
        SettingKind.Switch => JsonValue.Create(value is true),
        // Empty text means "not set": null for optional options, "" for the rest (the validator then names it).
        SettingKind.Choice or SettingKind.Text or SettingKind.Id => value is string { Length: > 0 } s ? JsonValue.Create(s.Trim())
            : leaf.Optional || leaf.Kind != SettingKind.Text ? null : JsonValue.Create(""),
        SettingKind.Integer => value is long l ? JsonValue.Create(l) : null,
        SettingKind.Decimal => value is decimal d ? JsonValue.Create(d) : null,
        SettingKind.Date => value is DateTime date ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
        SettingKind.IdList or SettingKind.TextList => new JsonArray(((value as IEnumerable<string>) ?? [])
            .Select(v => v.Trim()).Where(v => v.Length > 0).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
        _ => null,
    };
}
