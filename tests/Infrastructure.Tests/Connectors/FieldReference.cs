using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Connectors;

/// <summary>
/// The fields and JSON types of an external API's entities, written down from its public specification as
/// "Entity.field type" lines. <see cref="Check"/> lists every field of an emulator answer that the real API does not
/// have or that has another JSON type, so an emulator cannot drift from the real system.
/// </summary>
public sealed class FieldReference
{
    private readonly Dictionary<string, Dictionary<string, string>> _entities = new(StringComparer.Ordinal);

    public static FieldReference Load(string file)
    {
        var reference = new FieldReference();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, file)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var (path, type) = (line[..line.LastIndexOf(' ')], line[(line.LastIndexOf(' ') + 1)..]);
            var dot = path.LastIndexOf('.');
            var entity = path[..dot];
            if (!reference._entities.TryGetValue(entity, out var fields)) reference._entities[entity] = fields = new(StringComparer.Ordinal);
            fields[path[(dot + 1)..]] = type;
        }
        return reference;
    }

    public IReadOnlyCollection<string> FieldsOf(string entity) => _entities[entity].Keys;

    /// <summary>Problems of one object checked as <paramref name="entity"/>; nested objects named in <paramref name="nested"/> are checked too.</summary>
    public List<string> Check(string entity, JsonObject value, IReadOnlyDictionary<string, string>? nested = null)
    {
        var problems = new List<string>();
        var fields = _entities[entity];
        foreach (var (name, node) in value)
        {
            if (!fields.TryGetValue(name, out var expected)) { problems.Add($"{entity}.{name} is not a field of the real API"); continue; }
            if (node is null || expected == "?") continue;
            var actual = node.GetValueKind() switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => "number",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                JsonValueKind.Array => "array",
                JsonValueKind.Object => "object",
                _ => "null",
            };
            if (actual != expected) problems.Add($"{entity}.{name} is {actual}, the real API has {expected}");
            if (nested?.TryGetValue($"{entity}.{name}", out var inner) == true)
            {
                if (node is JsonObject o) problems.AddRange(Check(inner, o, nested));
                if (node is JsonArray a) foreach (var item in a.OfType<JsonObject>()) problems.AddRange(Check(inner, item, nested));
            }
        }
        return problems;
    }
}
