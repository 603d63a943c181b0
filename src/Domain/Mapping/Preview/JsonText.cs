using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>JSON values as a person reads them in the editor: accents and "+" as written, "(none)" for absent.</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    public static string Of(JsonNode? value) => value is null ? "(none)" : value.ToJsonString(Compact);

    public static string Pretty(JsonNode? value) => value is null ? "null" : value.ToJsonString(Indented);
}
