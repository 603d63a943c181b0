using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Koppel.Infrastructure.Tenants;

/// <summary>
/// Reads the connections of a tenant body: per system, field name to text. A field may also be a JSON number,
/// kept as its digits, because the systems themselves type their ids as numbers (Exact's division, Optiply's
/// accountId and couplingId) and callers copy them from there. Anything else is refused naming the field.
/// </summary>
public sealed class ConnectionFieldsJsonConverter : JsonConverter<Dictionary<string, Dictionary<string, string?>>>
{
    public override Dictionary<string, Dictionary<string, string?>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        Expect(ref reader, JsonTokenType.StartObject, "connections", "an object with one object of fields per system");
        var systems = new Dictionary<string, Dictionary<string, string?>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var system = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) continue;
            Expect(ref reader, JsonTokenType.StartObject, $"connections.{system}", "an object of connection fields");
            systems[system] = ReadFields(ref reader, system);
        }
        return systems;
    }

    private static Dictionary<string, string?> ReadFields(ref Utf8JsonReader reader, string system)
    {
        var fields = new Dictionary<string, string?>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            reader.Read();
            fields[field] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                // The digits as written: no rounding, no culture.
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
                JsonTokenType.Null => null,
                _ => throw Refused($"connections.{system}.{field}", "text or a number"),
            };
        }
        return fields;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string field, string expected)
    {
        if (reader.TokenType != token) throw Refused(field, expected);
    }

    /// <summary>The path names the field itself, not just "connections", so the caller's error points at it.</summary>
    private static JsonException Refused(string field, string expected) => new($"Expected {expected}.", "$." + field, null, null);

    public override void Write(Utf8JsonWriter writer, Dictionary<string, Dictionary<string, string?>> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (system, fields) in value)
        {
            writer.WriteStartObject(system);
            foreach (var (field, text) in fields) writer.WriteString(field, text);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
