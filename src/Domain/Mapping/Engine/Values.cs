using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>Reading and writing JSON values the same way whether they were parsed or built in code.</summary>
internal static class Values
{
    private const int DescribeLength = 40;

    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ => KindOf(node) switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => true,
            JsonValueKind.String => string.IsNullOrWhiteSpace(TextOf(node)),
            _ => false,
        },
    };

    /// <summary>The string of a JSON string value; null for any other kind.</summary>
    public static string? TextOf(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            return null;
        if (value.TryGetValue(out string? text))
            return text;
        // Values built from other CLR types (DateTime, Guid, char) only reveal their text through JSON.
        return JsonSerializer.Deserialize<string>(value.ToJsonString());
    }

    /// <summary>Text of a scalar as a person would write it: strings as-is, numbers invariant, booleans lower case.</summary>
    public static string? ScalarText(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.String => TextOf(node),
        JsonValueKind.Number => TryNumber(node, allowText: false, out var number) ? NumberText(number) : node!.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static bool TryNumber(JsonNode? node, bool allowText, out decimal number)
    {
        number = 0;
        return KindOf(node) switch
        {
            JsonValueKind.Number => decimal.TryParse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            JsonValueKind.String when allowText => TryParseNumber(TextOf(node), out number),
            _ => false,
        };
    }

    public static bool TryParseNumber(string? text, out decimal number) =>
        decimal.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    /// <summary>JSON booleans, and "true"/"false" text in any case.</summary>
    public static bool TryBoolean(JsonNode? node, out bool boolean)
    {
        boolean = false;
        switch (KindOf(node))
        {
            case JsonValueKind.True:
                boolean = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return bool.TryParse(TextOf(node)?.Trim(), out boolean);
            default:
                return false;
        }
    }

    /// <summary>
    /// A computed number as JSON: whole results are written as integers (10 / 2 gives 5, not 5.0) and
    /// trailing zeros are dropped, so equal numbers always hash to the same payload.
    /// </summary>
    public static JsonNode Number(decimal number)
    {
        if (number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
            return JsonValue.Create((long)number);
        return JsonValue.Create(Normalize(number));
    }

    public static string NumberText(decimal number) => Normalize(number).ToString(CultureInfo.InvariantCulture);

    public static JsonNode Text(string text) => JsonValue.Create(text);

    /// <summary>A value quoted for a message: "abc", 12, true, or "an empty value".</summary>
    public static string Describe(JsonNode? node)
    {
        if (IsEmpty(node) && KindOf(node) != JsonValueKind.String)
            return "an empty value";
        var text = KindOf(node) == JsonValueKind.String ? $"\"{TextOf(node)}\"" : node!.ToJsonString();
        return text.Length <= DescribeLength ? text : text[..DescribeLength] + "...";
    }

    // Dividing by one with 28 decimal places is the decimal type's way to drop trailing zeros.
    private static decimal Normalize(decimal number) => number / 1.0000000000000000000000000000m;
}
