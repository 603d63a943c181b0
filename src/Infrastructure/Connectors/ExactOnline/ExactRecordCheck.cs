using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>The JSON type Exact documents for a field (Edm type as it appears in JSON).</summary>
public enum ExactType { Guid, Text, Boolean, Number, Date }

/// <summary>
/// Checks that a record's fields have the types Exact documents and converts dates to ISO 8601, so a wrong-typed
/// field becomes one readable failure for that record instead of a wrong value in Optiply.
/// </summary>
public static class ExactRecordCheck
{
    /// <summary>A copy of <paramref name="row"/> with only the given fields, dates as ISO 8601; or the first problem.</summary>
    /// <param name="required">Fields that must not be null.</param>
    public static (JsonObject Data, string? Problem) Clean(JsonObject row, IReadOnlyDictionary<string, ExactType> fields, params string[] required)
    {
        var data = new JsonObject();
        string? problem = null;
        foreach (var (name, type) in fields)
        {
            var value = row[name];
            if (value is null)
            {
                if (row.ContainsKey(name) || required.Contains(name)) data[name] = null;
                if (required.Contains(name)) problem ??= $"field {name}: is empty, but Exact always fills it";
                continue;
            }
            var (converted, error) = Convert(value, type);
            data[name] = converted ?? value.DeepClone();
            if (error is not null) problem ??= $"field {name}: {error}, got {value.ToJsonString()}";
        }
        return (data, problem);
    }

    /// <summary>
    /// As <see cref="Clean(JsonObject, IReadOnlyDictionary{string, ExactType}, string[])"/>, from a row of a parsed page:
    /// values kept as sent stay backed by the page's document (so it must not be disposed), and no node tree is built
    /// for the row only to be copied. Gives the same record, value for value.
    /// </summary>
    public static (JsonObject Data, string? Problem) Clean(JsonElement row, IReadOnlyDictionary<string, ExactType> fields, params string[] required)
    {
        var data = new JsonObject();
        string? problem = null;
        foreach (var (name, type) in fields)
        {
            var present = row.TryGetProperty(name, out var value);
            if (!present || value.ValueKind == JsonValueKind.Null)
            {
                if (present || required.Contains(name)) data[name] = null;
                if (required.Contains(name)) problem ??= $"field {name}: is empty, but Exact always fills it";
                continue;
            }
            var (text, number, date, error) = Check(value, type);
            data[name] = text is not null ? JsonValue.Create(text)
                : date is { } d ? JsonValue.Create(d.ToString(IsoDate, System.Globalization.CultureInfo.InvariantCulture))
                : number is { } n ? JsonValue.Create(n)
                : AsSent(value);
            if (error is not null) problem ??= $"field {name}: {error}, got {JsonSerializer.Serialize(value)}";
        }
        return (data, problem);
    }

    private static JsonNode? AsSent(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(value),
        JsonValueKind.Array => JsonArray.Create(value),
        _ => JsonValue.Create(value),
    };

    /// <summary>
    /// One value as sent, checked as <see cref="Clean(JsonObject, IReadOnlyDictionary{string, ExactType}, string[])"/> checks
    /// it: what the check puts in its place (an ID in Guid's own spelling, a date (written as ISO 8601), a number sent as text), or
    /// nothing when it is kept as sent; and the complaint, if any.
    /// </summary>
    internal static (string? Text, double? Number, DateTimeOffset? Date, string? Error) Check(JsonElement value, ExactType type)
    {
        // Only what is replaced is read as a string: this runs for every field of every item, price and stock row.
        var kind = value.ValueKind;
        switch (type)
        {
            case ExactType.Guid:
                if (!TryGetId(value, out var id, out var canonical)) return (null, null, null, "expected an ID (GUID)");
                return (canonical ? null : id.ToString(), null, null, null);
            case ExactType.Text:
                return kind == JsonValueKind.String ? (null, null, null, null) : (null, null, null, "expected text");
            case ExactType.Boolean:
                return kind is JsonValueKind.True or JsonValueKind.False ? (null, null, null, null) : (null, null, null, "expected true or false");
            case ExactType.Number:
                if (kind == JsonValueKind.Number) return (null, null, null, null);
                return kind == JsonValueKind.String && double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? (null, n, null, null)
                    : (null, null, null, "expected a number");
            case ExactType.Date:
                return kind == JsonValueKind.String && ExactDate.Parse(value.GetString()) is { } date
                    ? (null, null, date, null)
                    : (null, null, null, "expected a date like /Date(1704067200000)/");
            default:
                return (null, null, null, null);
        }
    }

    /// <summary>
    /// An ID as Guid reads it, and whether it was sent in Guid's own spelling (lowercase, with hyphens), checked
    /// without reading it as a string: then it can be kept as sent.
    /// </summary>
    internal static bool TryGetId(JsonElement value, out Guid id, out bool canonical)
    {
        canonical = false;
        if (value.ValueKind != JsonValueKind.String) { id = default; return false; }
        if (value.TryGetGuid(out id))
        {
            Span<byte> again = stackalloc byte[36];
            canonical = id.TryFormat(again, out var length, "D") && value.ValueEquals(again[..length]);
            return true;
        }
        return Guid.TryParse(value.GetString(), out id);
    }

    /// <summary>How a cleaned date is written.</summary>
    public const string IsoDate = "yyyy-MM-dd'T'HH:mm:sszzz";

    private static (JsonNode? Value, string? Error) Convert(JsonNode value, ExactType type)
    {
        var kind = value.GetValueKind();
        switch (type)
        {
            case ExactType.Guid:
                return kind == JsonValueKind.String && Guid.TryParse((string?)value, out var g) ? (JsonValue.Create(g.ToString()), null) : (null, "expected an ID (GUID)");
            case ExactType.Text:
                return kind == JsonValueKind.String ? (null, null) : (null, "expected text");
            case ExactType.Boolean:
                return kind is JsonValueKind.True or JsonValueKind.False ? (null, null) : (null, "expected true or false");
            case ExactType.Number:
                if (kind == JsonValueKind.Number) return (null, null);
                // Int64 values such as Timestamp may arrive as strings.
                return kind == JsonValueKind.String && double.TryParse((string?)value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? (JsonValue.Create(n), null)
                    : (null, "expected a number");
            case ExactType.Date:
                return kind == JsonValueKind.String && ExactDate.Parse((string?)value) is { } date
                    ? (JsonValue.Create(date.ToString(IsoDate, System.Globalization.CultureInfo.InvariantCulture)), null)
                    : (null, "expected a date like /Date(1704067200000)/");
            default:
                return (null, null);
        }
    }

    /// <summary>A Timestamp as a number, whether Exact sent it as a number or a string.</summary>
    public static long? Timestamp(JsonObject row) => row["Timestamp"] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<long>(),
        JsonValue v when long.TryParse((string?)v, System.Globalization.CultureInfo.InvariantCulture, out var t) => t,
        _ => null,
    };

    /// <summary>A Timestamp as a number, read from a row of a parsed page.</summary>
    public static long? Timestamp(JsonElement row) =>
        !row.TryGetProperty("Timestamp", out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetInt64()
        : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t
        : null;
}
