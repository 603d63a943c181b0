using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Connectors.GoedGepickt;

/// <summary>The field reference kept as test data (goedgepickt-reference.json): what GoedGepickt's API is known or assumed to have.</summary>
internal static class GoedGepicktReference
{
    private static readonly JsonObject Json = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Connectors", "GoedGepickt", "goedgepickt-reference.json")))!;

    /// <summary>True when a request "METHOD /path?query" (path below /api/v1) uses only a known endpoint and known parameters.</summary>
    public static bool Allows(string method, string path, IEnumerable<string> queryKeys)
    {
        var endpoints = Json["endpoints"]!.AsArray().OfType<JsonObject>()
            .Where(e => (string?)e["method"] == method && Matches((string)e["path"]!, path)).ToList();
        var known = endpoints.SelectMany(e => e["query"]?.AsArray().Select(q => (string)q!) ?? []).ToHashSet();
        return endpoints.Count > 0 && queryKeys.All(known.Contains);
    }

    public static IReadOnlySet<string> BodyFields(string method, string path) =>
        Json["endpoints"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["method"] == method && (string?)e["path"] == path)
            .SelectMany(e => e["body"]?.AsArray().Select(b => (string)b!) ?? []).ToHashSet();

    /// <summary>Every field name of a record kind, confirmed or assumed, with dotted paths for nested ones.</summary>
    public static IReadOnlySet<string> RecordFields(string kind) =>
        Json["records"]![kind]!.AsObject().SelectMany(p => p.Value!.AsArray().Select(f => (string)f!)).ToHashSet();

    /// <summary>The dotted paths of every field in a record (array items under the array's name).</summary>
    public static IEnumerable<string> Paths(JsonObject record, string prefix = "")
    {
        foreach (var (name, value) in record)
        {
            var path = prefix + name;
            yield return path;
            var nested = value switch
            {
                JsonObject o => Paths(o, path + "."),
                JsonArray a => a.OfType<JsonObject>().SelectMany(i => Paths(i, path + ".")),
                _ => [],
            };
            foreach (var inner in nested) yield return inner;
        }
    }

    private static bool Matches(string pattern, string path)
    {
        var a = pattern.Trim('/').Split('/');
        var b = path.Trim('/').Split('/');
        return a.Length == b.Length && a.Zip(b).All(p => p.First.StartsWith('{') || p.First == p.Second);
    }
}
