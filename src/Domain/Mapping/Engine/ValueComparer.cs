using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Mapping;

/// <summary>Equality and ordering between JSON values of possibly different kinds, as conditions and lookups need them.</summary>
internal static class ValueComparer
{
    public static bool AreEqual(JsonNode? left, JsonNode? right, bool ignoreCase)
    {
        var leftKind = Values.KindOf(left);
        var rightKind = Values.KindOf(right);
        if (IsNull(leftKind) || IsNull(rightKind))
            return IsNull(leftKind) && IsNull(rightKind);
        if (IsBoolean(leftKind) || IsBoolean(rightKind))
            return Values.TryBoolean(left, out var a) && Values.TryBoolean(right, out var b) && a == b;
        if (leftKind == JsonValueKind.Number || rightKind == JsonValueKind.Number)
            return Values.TryNumber(left, allowText: true, out var a) && Values.TryNumber(right, allowText: true, out var b) && a == b;
        if (leftKind == JsonValueKind.String && rightKind == JsonValueKind.String)
            return string.Equals(Values.TextOf(left), Values.TextOf(right), TextComparison(ignoreCase));
        return JsonNode.DeepEquals(left, right);
    }

    /// <summary>Sign of left minus right; null when the two cannot be put in order.</summary>
    public static int? Compare(JsonNode? left, JsonNode? right, bool ignoreCase)
    {
        var leftKind = Values.KindOf(left);
        var rightKind = Values.KindOf(right);
        if (leftKind == JsonValueKind.Number || rightKind == JsonValueKind.Number)
        {
            return Values.TryNumber(left, allowText: true, out var a) && Values.TryNumber(right, allowText: true, out var b)
                ? a.CompareTo(b)
                : null;
        }
        if (leftKind != JsonValueKind.String || rightKind != JsonValueKind.String)
            return null;
        var leftText = Values.TextOf(left);
        var rightText = Values.TextOf(right);
        // Exact's "/Date(ms)/" text does not sort by time, so two dates are compared as instants.
        if (DateValues.TryParse(leftText, null, out var leftDate) && DateValues.TryParse(rightText, null, out var rightDate))
            return leftDate.CompareTo(rightDate);
        return Math.Sign(string.Compare(leftText, rightText, TextComparison(ignoreCase)));
    }

    public static bool Contains(JsonNode? container, JsonNode? item, bool ignoreCase)
    {
        if (container is JsonArray array)
            return array.Any(element => AreEqual(element, item, ignoreCase));
        var text = Values.ScalarText(container);
        var part = Values.ScalarText(item);
        return text is not null && part is not null && text.Contains(part, TextComparison(ignoreCase));
    }

    private static StringComparison TextComparison(bool ignoreCase) =>
        ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static bool IsNull(JsonValueKind kind) => kind is JsonValueKind.Null or JsonValueKind.Undefined;

    private static bool IsBoolean(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False;
}
