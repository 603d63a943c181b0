using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>Reading GoedGepickt's JSON values: money as decimal strings ("12.50"), counts as numbers or strings.</summary>
public static class GgJson
{
    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    public static decimal? Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<decimal>(out var d) || decimal.TryParse(Text(node), NumberStyles.Number, CultureInfo.InvariantCulture, out d)) ? d : null;

    public static int? Int(JsonNode? node) => Number(node) is { } d ? (int)Math.Round(d) : null;

    public static bool? Bool(JsonNode? node) =>
        node is JsonValue v ? v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<int>(out var i) ? i != 0 : null : null;

    public static DateTimeOffset? Date(JsonNode? node) =>
        DateTimeOffset.TryParse(Text(node), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    /// <summary>Optiply's date format: UTC, seconds.</summary>
    public static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
