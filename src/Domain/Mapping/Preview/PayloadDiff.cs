using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>One target field whose value differs between two payloads; null on one side means absent or null.</summary>
public sealed record PayloadChange(string Field, JsonNode? Before, JsonNode? After)
{
    public string BeforeText => JsonText.Of(Before);
    public string AfterText => JsonText.Of(After);
}

/// <summary>
/// Field-by-field differences between what was sent and what a draft mapping would send. Nested objects are
/// compared by their leaves ("attributes.name"); lists are compared as a whole, as the target receives them.
/// </summary>
public static class PayloadDiff
{
    public static IReadOnlyList<PayloadChange> Compare(JsonObject? before, JsonObject after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var left = Leaves(before);
        var right = Leaves(after);
        var changes = new List<PayloadChange>();
        foreach (var (field, value) in right)
            if (!left.TryGetValue(field, out var old) || !JsonNode.DeepEquals(old, value))
                changes.Add(new PayloadChange(field, old?.DeepClone(), value?.DeepClone()));
        foreach (var (field, old) in left)
            if (!right.ContainsKey(field))
                changes.Add(new PayloadChange(field, old?.DeepClone(), null));
        return changes;
    }

    private static Dictionary<string, JsonNode?> Leaves(JsonObject? payload)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (payload is not null) Collect(payload, "", leaves);
        return leaves;
    }

    private static void Collect(JsonObject obj, string prefix, Dictionary<string, JsonNode?> leaves)
    {
        foreach (var (name, value) in obj)
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            if (value is JsonObject nested && nested.Count > 0)
                Collect(nested, path, leaves);
            else
                leaves[path] = value;
        }
    }
}
