using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>Value equality for the lists and JSON values inside mapping records, which records compare by reference.</summary>
internal static class Structural
{
    public static bool ListsEqual<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    public static int ListHash<T>(IReadOnlyList<T>? list)
    {
        var hash = new HashCode();
        foreach (var item in list ?? [])
            hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool NodesEqual(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    public static bool NodeListsEqual(IReadOnlyList<JsonNode?>? a, IReadOnlyList<JsonNode?>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b, JsonNodeComparer.Instance));

    // DeepEquals treats 1 and 1.0 as equal, so a number's text cannot feed the hash; its kind can.
    public static int NodeHash(JsonNode? node) => node switch
    {
        null => 0,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => HashCode.Combine(JsonValueKind.String, Values.TextOf(value)),
        _ => node.GetValueKind().GetHashCode(),
    };

    public static int NodeListHash(IReadOnlyList<JsonNode?>? list)
    {
        var hash = new HashCode();
        foreach (var item in list ?? [])
            hash.Add(NodeHash(item));
        return hash.ToHashCode();
    }

    private sealed class JsonNodeComparer : IEqualityComparer<JsonNode?>
    {
        public static readonly JsonNodeComparer Instance = new();
        public bool Equals(JsonNode? x, JsonNode? y) => NodesEqual(x, y);
        public int GetHashCode(JsonNode? obj) => NodeHash(obj);
    }
}
