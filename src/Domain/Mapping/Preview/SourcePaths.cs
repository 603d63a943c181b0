using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>A path a copy rule can read, found in a sample record, with the kind and an example of its value.</summary>
public sealed record FoundPath(string Path, string Type, string Example);

/// <summary>
/// Lists the paths of a record in the syntax of <see cref="CopyRule"/> ("Prices[0].Price"), so a person can pick
/// a source field instead of typing one. Only the first elements of a list are listed: a mapping that reads
/// the fifth price of a list is rare, a picker with hundreds of entries is unusable.
/// </summary>
public static class SourcePaths
{
    public const int ElementsPerList = 3;
    private const int ExampleLength = 60;

    public static IReadOnlyList<FoundPath> Of(JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var found = new List<FoundPath>();
        Walk(record, "", found);
        return found;
    }

    /// <summary>The union over several records, first occurrence wins (its example is shown), in order of appearance.</summary>
    public static IReadOnlyList<FoundPath> Of(IEnumerable<JsonObject> records)
    {
        var seen = new Dictionary<string, FoundPath>(StringComparer.Ordinal);
        foreach (var record in records)
            foreach (var path in Of(record))
                if (!seen.TryGetValue(path.Path, out var earlier) || earlier.Type == "empty")
                    seen[path.Path] = path;
        return seen.Values.ToList();
    }

    private static void Walk(JsonNode? node, string path, List<FoundPath> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if (path.Length > 0) found.Add(new FoundPath(path, "object", ""));
                foreach (var (name, child) in obj)
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", found);
                break;
            case JsonArray array:
                found.Add(new FoundPath(path, "list", $"{array.Count} item{(array.Count == 1 ? "" : "s")}"));
                for (var i = 0; i < Math.Min(array.Count, ElementsPerList); i++)
                    Walk(array[i], $"{path}[{i}]", found);
                break;
            default:
                found.Add(new FoundPath(path, TypeOf(node), Example(node)));
                break;
        }
    }

    private static string TypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "empty",
    };

    private static string Example(JsonNode? value)
    {
        if (value is null) return "null";
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return text.Length <= ExampleLength ? text : text[..ExampleLength] + "…";
    }
}
