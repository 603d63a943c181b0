using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.MoySklad;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Counterparties;

/// <summary>
/// counterparties.extraFields: a Planfix contact field's value as the value of the MoySklad counterparty attribute of the
/// chosen name, in the attribute's type (the definitions are read once per run).
/// </summary>
public sealed class CounterpartyAttributes(MoySkladClient moySklad)
{
    private Dictionary<string, JsonObject>? _byName;

    /// <summary><c>{"meta", "value"}</c> per attribute, as a counterparty body takes them; a blank contact field clears the attribute.</summary>
    public async Task<List<JsonObject>> ValuesAsync(IReadOnlyDictionary<string, JsonNode?> extra, CancellationToken ct)
    {
        if (_byName is null)
        {
            _byName = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            var definitions = await moySklad.ReadAsync("/entity/counterparty/metadata/attributes", ct);
            foreach (var definition in (definitions?["rows"] as JsonArray ?? []).OfType<JsonObject>())
                if (definition["name"]?.ToString() is { } name) _byName.TryAdd(name, definition);
        }
        var values = new List<JsonObject>();
        foreach (var (name, value) in extra)
        {
            var definition = _byName.GetValueOrDefault(name)
                ?? throw new SyncProblem($"MoySklad has no counterparty attribute \"{name}\" (named in the settings' counterparties.extraFields). Add it in MoySklad or correct the setting.");
            values.Add(new JsonObject
            {
                ["meta"] = definition["meta"]!.DeepClone(),
                ["value"] = Convert(value, definition["type"]?.ToString(), name),
            });
        }
        return values;
    }

    /// <summary>The attributes whose value the counterparty does not hold yet (compared by attribute id).</summary>
    public static JsonArray Changed(JsonObject counterparty, IEnumerable<JsonObject> wanted)
    {
        var held = (counterparty["attributes"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(a => a["id"]?.ToString() ?? MoySkladClient.IdOf(a) ?? "", a => a["value"], StringComparer.Ordinal);
        var changed = new JsonArray();
        foreach (var attribute in wanted)
        {
            var current = held.GetValueOrDefault(MoySkladClient.IdOf(attribute) ?? "");
            if (!JsonNode.DeepEquals(current, attribute["value"])) changed.Add(attribute.DeepClone());
        }
        return changed;
    }

    /// <summary>A Planfix value in the attribute's type: text types as text, long and double as numbers, boolean as such.</summary>
    private static JsonNode? Convert(JsonNode? value, string? type, string name)
    {
        var text = value is null ? null : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : value.ToJsonString();
        if (string.IsNullOrEmpty(text)) return null;
        switch (type)
        {
            case "long" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole):
                return whole;
            case "double" when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return number;
            case "boolean" when bool.TryParse(text, out var flag):
                return flag;
            case "long" or "double" or "boolean":
                throw new SyncProblem($"the contact's value \"{text}\" does not fit the MoySklad counterparty attribute \"{name}\", which takes a {type}. Correct the contact in Planfix, then press again.");
            default:
                return text;
        }
    }
}
