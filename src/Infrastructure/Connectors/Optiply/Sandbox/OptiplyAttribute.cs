using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

internal enum AttributeKind { Text, Integer, Bool, Money, Number, DateTime, Reference, Emails, OrderLines }

/// <summary>
/// One writable attribute of an Optiply resource and the constraints Optiply enforces on it. Normalises an
/// incoming value to the form Optiply reads it back in (money as a 2-decimal string, dates in UTC).
/// </summary>
internal sealed partial record OptiplyAttribute(string Name, AttributeKind Kind)
{
    public bool Required { get; init; }
    public int? MaxLength { get; init; }
    public int? ExactLength { get; init; }
    public long? Min { get; init; }
    public long? Max { get; init; }
    public IReadOnlyList<string>? Allowed { get; init; }
    /// <summary>For <see cref="AttributeKind.Reference"/>: the type the id points at.</summary>
    public string? Target { get; init; }
    /// <summary>For <see cref="AttributeKind.OrderLines"/>: the line type and the line's attribute naming its order.</summary>
    public (string LineType, string ParentAttribute)? Lines { get; init; }

    /// <summary>The value as stored, or an error sentence that starts with the attribute's name.</summary>
    public (JsonNode? Value, string? Error) Normalize(JsonNode? value, string path)
    {
        if (value is null || value.GetValueKind() == JsonValueKind.Null)
            return Required ? (null, $"{path} must not be null") : (null, null);
        return Kind switch
        {
            AttributeKind.Text => Text(value, path),
            AttributeKind.Integer => Integer(value, path),
            AttributeKind.Bool => Boolean(value, path),
            AttributeKind.Money => Money(value, path),
            AttributeKind.Number => Number(value, path),
            AttributeKind.DateTime => Date(value, path),
            AttributeKind.Reference => Reference(value, path),
            AttributeKind.Emails => Emails(value, path),
            _ => (value.DeepClone(), null),
        };
    }

    private (JsonNode?, string?) Text(JsonNode value, string path)
    {
        if (value.GetValueKind() != JsonValueKind.String) return (null, $"{path} must be a text");
        var text = value.GetValue<string>();
        if (Required && text.Length == 0) return (null, $"{path} must not be empty");
        if (MaxLength is { } max && text.Length > max) return (null, $"{path} size must be between 0 and {max}");
        if (ExactLength is { } exact && text.Length != exact) return (null, $"{path} must be exactly {exact} characters long");
        if (Allowed is { } allowed && !allowed.Contains(text)) return (null, $"{path} must be one of: {string.Join(", ", allowed)}");
        return (JsonValue.Create(text), null);
    }

    private (JsonNode?, string?) Integer(JsonNode value, string path)
    {
        if (!TryNumber(value, out var number) || number != decimal.Truncate(number) || number is > long.MaxValue or < long.MinValue)
            return (null, $"{path} must be a whole number");
        var whole = (long)number;
        if (Min is { } min && whole < min || Max is { } max && whole > max)
            return (null, Max is null ? $"{path} must be at least {Min}" : $"{path} must be between {Min} and {Max}");
        return (JsonValue.Create(whole), null);
    }

    private static (JsonNode?, string?) Boolean(JsonNode value, string path) => value.GetValueKind() switch
    {
        JsonValueKind.True => (JsonValue.Create(true), null),
        JsonValueKind.False => (JsonValue.Create(false), null),
        // Jackson coerces "true"/"false" text; an array (a bug seen in an old writer) is refused.
        JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var b) => (JsonValue.Create(b), null),
        _ => (null, $"{path} must be true or false"),
    };

    private static (JsonNode?, string?) Money(JsonNode value, string path)
    {
        if (!TryNumber(value, out var amount)) return (null, $"{path} must be a number");
        if (Math.Abs(amount) >= 1_000_000_000m) return (null, $"{path} must have at most 9 digits before the decimal point");
        // Optiply reads money back as text with two decimals.
        return (JsonValue.Create(Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture)), null);
    }

    private (JsonNode?, string?) Number(JsonNode value, string path)
    {
        if (!TryNumber(value, out var number)) return (null, $"{path} must be a number");
        if (Min is { } min && number < min) return (null, $"{path} must be at least {min}");
        return (JsonValue.Create(number), null);
    }

    private static (JsonNode?, string?) Date(JsonNode value, string path) =>
        value.GetValueKind() == JsonValueKind.String && OptiplyValues.TryDate(value.GetValue<string>(), out var date)
            ? (JsonValue.Create(OptiplyValues.FormatDate(date)), null)
            : (null, $"{path} must be a date-time in ISO-8601 format, e.g. 2024-05-01T12:00:00Z");

    private static (JsonNode?, string?) Reference(JsonNode value, string path) =>
        OptiplyValues.TryId(value, out var id) ? (JsonValue.Create(id), null) : (null, $"{path} must be an Optiply id (a number)");

    private static (JsonNode?, string?) Emails(JsonNode value, string path)
    {
        if (value is not JsonArray list) return (null, $"{path} must be a list of e-mail addresses");
        var result = new JsonArray();
        foreach (var item in list)
        {
            if (item?.GetValueKind() != JsonValueKind.String) return (null, $"{path} must be a list of e-mail addresses");
            var address = item.GetValue<string>();
            if (!EmailPattern().IsMatch(address)) return (null, $"{path}: {address} is not a valid address");
            result.Add(address);
        }
        return (result, null);
    }

    private static bool TryNumber(JsonNode value, out decimal number)
    {
        number = 0;
        return value.GetValueKind() switch
        {
            JsonValueKind.Number => value.AsValue().TryGetValue(out number),
            JsonValueKind.String => decimal.TryParse(value.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

/// <summary>Value parsing and formatting shared by validation, filtering and reading.</summary>
internal static class OptiplyValues
{
    public static bool TryDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);

    public static string FormatDate(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>Optiply's clients send ids as numbers or as text; both are accepted.</summary>
    public static bool TryId(JsonNode? value, out long id)
    {
        id = 0;
        return value?.GetValueKind() switch
        {
            JsonValueKind.Number => value.AsValue().TryGetValue(out id) && id > 0,
            JsonValueKind.String => long.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0,
            _ => false,
        };
    }
}
