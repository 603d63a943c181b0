using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>Reading Exact Online's JSON values: Edm.Guid strings, numbers, and "/Date(ms)/" timestamps.</summary>
public static partial class ExactJson
{
    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    public static Guid? Guid(JsonNode? node) => System.Guid.TryParse(Text(node), out var g) ? g : null;

    public static decimal? Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<decimal>(out var d) || decimal.TryParse(Text(node), NumberStyles.Number, CultureInfo.InvariantCulture, out d)) ? d : null;

    public static bool Bool(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<int>(out var i) ? i != 0 : false);

    /// <summary>"/Date(1700000000000)/" (UTC milliseconds) or ISO 8601; null when absent.</summary>
    public static DateTime? Date(JsonNode? node)
    {
        var text = Text(node);
        if (string.IsNullOrEmpty(text)) return null;
        var match = DatePattern().Match(text);
        if (match.Success) return DateTime.UnixEpoch.AddMilliseconds(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }

    [GeneratedRegex(@"^/Date\((-?\d+)(?:[+-]\d{4})?\)/$")]
    private static partial Regex DatePattern();
}
