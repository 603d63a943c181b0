using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Koppel.Infrastructure.Tenants;

/// <summary>
/// Reads a tenant body's <c>connections</c>: per system an object of fields, or for a keyed system (a tenant's several
/// webshops) a list of such objects each with its "key", which becomes the connection <c>&lt;system&gt;.&lt;key&gt;</c>.
/// A field may be text or a JSON number, kept as its digits, because the systems themselves type their ids as
/// numbers (Exact's division, Optiply's accountId and couplingId) and callers copy them from there. Anything else is
/// refused with the field's path, so the caller's error points at it.
/// </summary>
public sealed partial class ConnectionsInput : JsonConverter<Dictionary<string, Dictionary<string, string?>>>
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    public static partial Regex KeyPattern();

    public override Dictionary<string, Dictionary<string, string?>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        if (node is null) return null;
        if (node is not JsonObject body) throw Refused("connections", "an object with one object of fields per system");
        var result = new Dictionary<string, Dictionary<string, string?>>();
        foreach (var (system, value) in body)
        {
            switch (value)
            {
                case null:
                    continue;
                case JsonArray list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        var path = $"connections.{system}[{i}]";
                        if (list[i] is not JsonObject account) throw Refused(path, "an object of connection fields");
                        if (account["key"] is not JsonValue keyValue || keyValue.GetValueKind() != JsonValueKind.String || keyValue.GetValue<string>() is not { Length: > 0 } key)
                            throw Refused($"{path}.key", "the connection's key (lower-case letters, digits and dashes)");
                        if (!result.TryAdd($"{system}.{key}", Fields(account, path, skip: "key")))
                            throw new JsonException($"The key \"{key}\" is given twice.", $"$.{path}.key", null, null);
                    }
                    break;
                case JsonObject fields:
                    result[system] = Fields(fields, $"connections.{system}", skip: null);
                    break;
                default:
                    throw Refused($"connections.{system}", "an object of connection fields (or a list of them)");
            }
        }
        return result;
    }

    private static Dictionary<string, string?> Fields(JsonObject fields, string path, string? skip)
    {
        var result = new Dictionary<string, string?>();
        foreach (var (name, value) in fields)
        {
            if (name == skip) continue;
            result[name] = value switch
            {
                null => null,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                // The digits as written: no rounding, no culture.
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
                _ => throw Refused($"{path}.{name}", "text or a number"),
            };
        }
        return result;
    }

    private static JsonException Refused(string field, string expected) => new($"Expected {expected}.", "$." + field, null, null);

    public override void Write(Utf8JsonWriter writer, Dictionary<string, Dictionary<string, string?>> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
