using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>
/// <c>customFieldData</c> as every Planfix object carries it: written as <c>[{field:{id},value}]</c>, merged by field id
/// (fields not sent stay), each value checked against its field's type; read back only for the field ids listed in
/// <c>fields</c>.
/// </summary>
internal static class PlanfixCustomValues
{
    public static void Apply(IReadOnlyList<PlanfixField> fields, Dictionary<int, JsonNode?> values, JsonNode? data, string owner)
    {
        foreach (var item in (data as JsonArray ?? []).OfType<JsonObject>())
        {
            var fieldId = item["field"]?["id"]?.GetValue<int>() ?? throw PlanfixError.BadValue("customFieldData.field.id is required");
            var field = fields.FirstOrDefault(f => f.Id == fieldId) ?? throw PlanfixError.BadValue($"Custom field {fieldId} not found in {owner}");
            values[fieldId] = PlanfixValues.Check(field, item["value"]);
        }
    }

    /// <summary>The values of the listed field ids, as <c>[{field:{id,name,type,objectType},value}]</c>; null when none.</summary>
    public static JsonArray? Describe(IReadOnlyList<PlanfixField> fields, Dictionary<int, JsonNode?> values, IReadOnlySet<string>? wanted)
    {
        var listed = fields.Where(f => wanted?.Contains(f.Id.ToString(CultureInfo.InvariantCulture)) == true && values.ContainsKey(f.Id))
            .Select(f => (JsonNode)new JsonObject { ["field"] = PlanfixAccountData.Describe(f), ["value"] = values[f.Id]?.DeepClone() }).ToArray();
        return listed.Length == 0 ? null : new JsonArray(listed);
    }

    /// <summary>The <c>fields</c> list; null (no list) gives the system fields, custom values only when their ids are listed.</summary>
    public static HashSet<string>? Wanted(string? fields) =>
        string.IsNullOrWhiteSpace(fields) ? null : fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    /// <summary>Refuses a write body with a key the object's update request does not have (Planfix answers code 41).</summary>
    public static void OnlyKnown(JsonObject body, IReadOnlySet<string> known, string what)
    {
        foreach (var (key, _) in body)
            if (!known.Contains(key)) throw PlanfixError.BadValue($"Unknown field '{key}' in the {what} request");
    }
}
