using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Koppel.Infrastructure.Tenants;

/// <summary>
/// Reads a tenant body's <c>connections</c>: per system an object of fields, or for a keyed system (a tenant's several
/// webshops) a list of such objects each with its "key", which becomes the connection <c>&lt;system&gt;.&lt;key&gt;</c>.
/// Numbers and booleans are taken as their text, as every connection field is stored as text.
/// </summary>
public sealed partial class ConnectionsInput : JsonConverter<Dictionary<string, Dictionary<string, string?>>>
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    public static partial Regex KeyPattern();

    public override Dictionary<string, Dictionary<string, string?>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonNode.Parse(ref reader) is not JsonObject body)
            throw new JsonException("connections must be an object with one entry per system.");
        var result = new Dictionary<string, Dictionary<string, string?>>();
        foreach (var (system, value) in body)
        {
            if (value is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is not JsonObject account || account["key"]?.ToString() is not { Length: > 0 } key)
                        throw new JsonException($"connections.{system}[{i}] needs a \"key\" (lower-case letters, digits and dashes).");
                    if (!result.TryAdd($"{system}.{key}", Fields(account, system, skip: "key")))
                        throw new JsonException($"connections.{system}[{i}]: the key \"{key}\" is given twice.");
                }
            }
            else if (value is JsonObject fields)
                result[system] = Fields(fields, system, skip: null);
            else
                throw new JsonException($"connections.{system} must be an object of fields (or a list of them).");
        }
        return result;
    }

    private static Dictionary<string, string?> Fields(JsonObject fields, string system, string? skip)
    {
        var result = new Dictionary<string, string?>();
        foreach (var (name, value) in fields)
        {
            if (name == skip) continue;
            result[name] = value switch
            {
                null => null,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                JsonValue v => v.ToJsonString(),
                _ => throw new JsonException($"connections.{system}.{name} must be a text, number or boolean."),
            };
        }
        return result;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, Dictionary<string, string?>> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
