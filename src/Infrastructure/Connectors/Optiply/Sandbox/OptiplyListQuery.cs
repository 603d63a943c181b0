using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>One <c>filter[attribute][OP]=value</c>; a value of <c>null</c> tests for a missing value.</summary>
internal sealed record OptiplyFilter(string Attribute, string Operator, string? Value);

/// <summary>
/// Paging, filters and sort of a list request, as Optiply's API takes them: <c>page[limit]</c> (default 50,
/// at most 100), <c>page[offset]</c> (a multiple of the limit), <c>filter[..]</c> with EQ, NEQ, LIKE, LT,
/// LE, GT, GE, and <c>sort=a,-b</c>.
/// </summary>
internal sealed partial record OptiplyListQuery(int Limit, int Offset, IReadOnlyList<OptiplyFilter> Filters, IReadOnlyList<(string Attribute, bool Descending)> Sort)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
    private static readonly string[] Operators = ["EQ", "NEQ", "LIKE", "LT", "LE", "GT", "GE"];

    public static OptiplyListQuery Parse(IQueryCollection query, OptiplyResourceType type)
    {
        var limit = Number(query, "page[limit]", DefaultLimit);
        if (limit is < 1 or > MaxLimit) throw new OptiplyError(400, $"page[limit] must be between 1 and {MaxLimit}");
        var offset = Number(query, "page[offset]", 0);
        if (offset < 0 || offset % limit != 0) throw new OptiplyError(400, "page[offset] must be a multiple of page[limit]");

        var filters = new List<OptiplyFilter>();
        foreach (var (key, values) in query)
        {
            var match = FilterKey().Match(key);
            if (!match.Success) continue;
            var attribute = match.Groups["attr"].Value;
            var op = match.Groups["op"].Success ? match.Groups["op"].Value.ToUpperInvariant() : "EQ";
            if (!Operators.Contains(op)) throw new OptiplyError(400, $"filter[{attribute}]: unknown operator {op}");
            if (!type.Knows(attribute)) throw new OptiplyError(400, $"filter[{attribute}]: {type.Name} have no attribute {attribute}");
            var value = values.ToString();
            filters.Add(new OptiplyFilter(attribute, op, value == "null" ? null : value));
        }

        var sort = new List<(string, bool)>();
        foreach (var part in query["sort"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var descending = part.StartsWith('-');
            var attribute = part.TrimStart('-', '+');
            if (!type.Knows(attribute)) throw new OptiplyError(400, $"sort: {type.Name} have no attribute {attribute}");
            sort.Add((attribute, descending));
        }
        return new OptiplyListQuery(limit, offset, filters, sort);
    }

    private static int Number(IQueryCollection query, string key, int fallback)
    {
        if (!query.TryGetValue(key, out var text)) return fallback;
        return int.TryParse(text.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n : throw new OptiplyError(400, $"{key} must be a number");
    }

    /// <summary>True when the record passes every filter. <paramref name="coupling"/> scopes remoteId matches.</summary>
    public bool Matches(long id, JsonObject attributes, string? coupling) =>
        Filters.All(f => f.Attribute == "remoteId" ? MatchesRemoteId(f, attributes, coupling) : Test(f, Value(id, attributes, f.Attribute)));

    // Reads expose remoteIdMap {couplingId: remoteId}; a remoteId filter looks at the caller's coupling, or any.
    private static bool MatchesRemoteId(OptiplyFilter filter, JsonObject attributes, string? coupling)
    {
        var map = attributes["remoteIdMap"] as JsonObject;
        JsonNode?[] values = map is null ? [] : coupling is not null
            ? [map[coupling]]
            : map.Select(p => p.Value).ToArray();
        return filter.Operator == "NEQ"
            ? values.All(v => !Test(filter with { Operator = "EQ" }, v))
            : values.Any(v => Test(filter, v));
    }

    public static JsonNode? Value(long id, JsonObject attributes, string attribute) =>
        attribute == "id" ? JsonValue.Create(id) : attributes[attribute];

    private static bool Test(OptiplyFilter filter, JsonNode? stored)
    {
        var isNull = stored is null || stored.GetValueKind() == JsonValueKind.Null;
        if (filter.Value is null)
            return filter.Operator == "NEQ" ? !isNull : isNull;
        if (isNull) return filter.Operator == "NEQ";
        if (filter.Operator == "LIKE")
            return Text(stored).Contains(filter.Value.Trim('%'), StringComparison.OrdinalIgnoreCase);
        var order = Compare(stored, filter.Value);
        return filter.Operator switch
        {
            "EQ" => order == 0,
            "NEQ" => order != 0,
            "LT" => order < 0,
            "LE" => order <= 0,
            "GT" => order > 0,
            "GE" => order >= 0,
            _ => false,
        };
    }

    /// <summary>Orders a stored value against query text: as numbers, dates, or else as text.</summary>
    public static int Compare(JsonNode? stored, string value)
    {
        var text = Text(stored);
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
            return a.CompareTo(b);
        if (stored?.GetValueKind() == JsonValueKind.String && OptiplyValues.TryDate(text, out var d1) && OptiplyValues.TryDate(value, out var d2))
            return d1.CompareTo(d2);
        return string.Compare(text, value, StringComparison.OrdinalIgnoreCase);
    }

    public static int CompareStored(JsonNode? x, JsonNode? y)
    {
        if (x is null || x.GetValueKind() == JsonValueKind.Null) return y is null || y.GetValueKind() == JsonValueKind.Null ? 0 : -1;
        if (y is null || y.GetValueKind() == JsonValueKind.Null) return 1;
        return Compare(x, Text(y));
    }

    private static string Text(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "",
        JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"^filter\[(?<attr>[A-Za-z0-9_]+)\](\[(?<op>[A-Za-z]+)\])?$")]
    private static partial Regex FilterKey();
}
