using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Koppel.Domain.Mapping;

/// <summary>The stored form of a <see cref="FieldMapping"/>: camelCase JSON with a "kind" on every rule and condition.</summary>
public static class MappingJson
{
    /// <summary>
    /// Strict on reading because mappings are edited by people: unknown or duplicate properties and
    /// missing required ones are errors with a path, rather than silently becoming defaults.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(FieldMapping mapping) => JsonSerializer.Serialize(mapping, Options);

    /// <exception cref="MappingFormatException">The JSON is malformed or does not describe a mapping.</exception>
    public static FieldMapping Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        FieldMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<FieldMapping>(json, Options);
        }
        // A rule without "kind" surfaces as NotSupportedException rather than JsonException.
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            var (path, reason) = JsonErrorText.Explain(e);
            throw new MappingFormatException($"The mapping JSON is not valid at {path}: {reason}", path, e);
        }
        return mapping ?? throw new MappingFormatException("The mapping JSON is null; expected an object with \"fields\".", "$");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Hand-edited JSON need not put "kind" first.
            AllowOutOfOrderMetadataProperties = true,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            WriteIndented = true,
            // People read and edit the stored JSON: keep "+" and accented names as written rather than \u escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }
}
