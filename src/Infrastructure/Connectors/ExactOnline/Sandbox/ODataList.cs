using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>How an endpoint family pages and what it insists on (Exact's regular, bulk and sync endpoints differ).</summary>
public enum ExactEndpointKind { Regular, Bulk, Sync }

/// <summary>
/// Answers a list request the way Exact does: {"d":{"results":[...],"__next":"..."}} with $select, $filter,
/// $top, $inlinecount and $skiptoken paging (sync endpoints page by Timestamp, others by key); $skip refused.
/// </summary>
public static class ODataList
{
    public static int PageSize(ExactEndpointKind kind) => kind == ExactEndpointKind.Regular ? 60 : 1000;

    /// <param name="corrupt">Asked once per returned record: true when the fault plan wants this one malformed.</param>
    public static JsonObject Answer(ExactEntitySet set, ExactEndpointKind kind, HttpRequest request, Func<bool> corrupt)
    {
        var query = request.Query;
        if (query.ContainsKey("$skip"))
            throw new ODataQueryException("$skip is not supported on this endpoint. Use the __next link to page.");
        var select = Select(set, query["$select"].ToString(), kind);
        var expand = Expand(set, query["$expand"].ToString());
        var filter = ODataFilter.Parse(query["$filter"].ToString(), set.Fields);

        var size = PageSize(kind);
        var top = int.TryParse(query["$top"], CultureInfo.InvariantCulture, out var t) ? t : (int?)null;
        var take = top is { } limit ? Math.Min(limit, size) : size;
        var bySyncOrder = kind == ExactEndpointKind.Sync;
        var skipToken = query["$skiptoken"].ToString();
        var (page, more) = bySyncOrder ? SyncPage(set, filter, skipToken, take) : KeyPage(set, filter, skipToken, take);

        var results = new JsonArray();
        var baseUri = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        foreach (var row in page)
        {
            var projected = Project(set, row, select, kind, baseUri, expand);
            if (corrupt()) Corrupt(projected);
            results.Add(projected);
        }

        var d = new JsonObject { ["results"] = results };
        if (query["$inlinecount"] == "allpages") d["__count"] = set.Rows.Count(filter);
        if (top is null && more)
        {
            var last = page[^1];
            var token = bySyncOrder ? $"{(long)last["Timestamp"]!}L" : $"guid'{(string)last[set.Key]!}'";
            d["__next"] = baseUri + NextQuery(query, token);
        }
        return new JsonObject { ["d"] = d };
    }

    /// <summary>
    /// A sync endpoint's page: rows in Timestamp order after the skip token. Walks the set's Timestamp index from
    /// the token and stops one row past the page, so paging through a large division stays linear.
    /// </summary>
    private static (List<JsonObject> Page, bool More) SyncPage(ExactEntitySet set, Func<JsonObject, bool> filter, string skipToken, int take)
    {
        var after = long.MinValue;
        if (skipToken.Length > 0 && !long.TryParse(skipToken.TrimEnd('L', 'l'), NumberStyles.Integer, CultureInfo.InvariantCulture, out after))
            throw new ODataQueryException($"'{skipToken}' is not a valid $skiptoken.");
        var ordered = set.ByTimestamp;
        var page = new List<JsonObject>(Math.Min(take, ordered.Count));
        for (var i = set.FirstAfter(after); i < ordered.Count; i++)
        {
            if (!filter(ordered[i].Row)) continue;
            if (page.Count == take) return (page, true);
            page.Add(ordered[i].Row);
        }
        return (page, false);
    }

    /// <summary>A regular or bulk endpoint's page: rows in key order after the skip token (guid'..').</summary>
    private static (List<JsonObject> Page, bool More) KeyPage(ExactEntitySet set, Func<JsonObject, bool> filter, string skipToken, int take)
    {
        IEnumerable<JsonObject> rows = set.Rows.Where(filter).OrderBy(r => (string)r[set.Key]!, StringComparer.OrdinalIgnoreCase);
        if (skipToken.Length > 0)
        {
            var after = skipToken.StartsWith("guid'", StringComparison.OrdinalIgnoreCase) ? skipToken[5..^1] : skipToken;
            rows = rows.Where(r => string.Compare((string)r[set.Key]!, after, StringComparison.OrdinalIgnoreCase) > 0);
        }
        var page = rows.Take(take + 1).ToList();
        var more = page.Count > take;
        if (more) page.RemoveAt(take);
        return (page, more);
    }

    /// <summary>One record as Exact answers a GET of Entity(guid'..').</summary>
    public static JsonObject Single(ExactEntitySet set, JsonObject row, HttpRequest request, string? baseUri = null) =>
        new() { ["d"] = Project(set, row, Select(set, request.Query["$select"].ToString(), ExactEndpointKind.Regular), ExactEndpointKind.Regular,
            baseUri ?? $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", Expand(set, request.Query["$expand"].ToString())) };

    private static List<string> Expand(ExactEntitySet set, string expand)
    {
        var navigations = new List<string>();
        foreach (var name in expand.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!set.Navigations.ContainsKey(name)) throw new ODataQueryException($"'{name}' cannot be expanded on '{set.Type}'.");
            navigations.Add(set.Navigations.Keys.First(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)));
        }
        return navigations;
    }

    private static List<string>? Select(ExactEntitySet set, string select, ExactEndpointKind kind)
    {
        if (string.IsNullOrWhiteSpace(select))
        {
            if (kind == ExactEndpointKind.Bulk) throw new ODataQueryException("$select is mandatory on bulk endpoints.");
            return null;
        }
        var fields = new List<string>();
        foreach (var raw in select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // "PurchaseOrderLines/Item" selects inside an expanded collection: the lines are returned whole here.
            if (raw.Contains('/') || set.Navigations.ContainsKey(raw)) continue;
            if (raw == "*")
            {
                if (kind != ExactEndpointKind.Regular) throw new ODataQueryException("$select=* is not allowed on this endpoint.");
                return null;
            }
            var known = set.Fields.FirstOrDefault(f => f.Equals(raw, StringComparison.OrdinalIgnoreCase));
            // Only sync endpoints expose the Timestamp.
            if (known is null || (known == "Timestamp" && kind != ExactEndpointKind.Sync))
                throw new ODataQueryException($"No property '{raw}' exists in type '{set.Type}'.");
            fields.Add(known);
        }
        return fields;
    }

    private static JsonObject Project(ExactEntitySet set, JsonObject row, List<string>? select, ExactEndpointKind kind, string baseUri, List<string>? expand = null)
    {
        var id = (string)row[set.Key]!;
        var result = new JsonObject
        {
            ["__metadata"] = new JsonObject { ["uri"] = $"{baseUri}(guid'{id}')", ["type"] = set.Type },
        };
        IEnumerable<string> fields = select ?? row.Select(p => p.Key).Where(k => k != "Timestamp" || kind == ExactEndpointKind.Sync);
        foreach (var field in fields) result[field] = row[field]?.DeepClone();
        // Expanded line collections sit in {"results":[...]}, like a page without paging.
        foreach (var navigation in expand ?? [])
        {
            var lines = set.Navigations[navigation].Lines;
            var linesUri = baseUri[..(baseUri.LastIndexOf('/') + 1)] + lines.Name;
            result[navigation] = new JsonObject
            {
                ["results"] = new JsonArray(set.LinesOf(navigation, id).Select(l => (JsonNode)Project(lines, l, null, ExactEndpointKind.Regular, linesUri)).ToArray()),
            };
        }
        return result;
    }

    /// <summary>A wrong-typed field, as a buggy customisation or a half-migrated record would deliver.</summary>
    private static void Corrupt(JsonObject record)
    {
        foreach (var (name, value) in record.ToList())
        {
            if (name is "__metadata" or "Timestamp" or "ID" || value is not JsonValue v) continue;
            var kind = v.GetValueKind();
            if (kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
            {
                record[name] = "Ja";
                return;
            }
            if (kind == System.Text.Json.JsonValueKind.Number)
            {
                record[name] = "n/a";
                return;
            }
        }
        record["ID"] = 12345;
    }

    private static string NextQuery(IQueryCollection query, string skipToken)
    {
        var parts = query.Where(q => q.Key != "$skiptoken")
            .Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"$skiptoken={Uri.EscapeDataString(skipToken)}");
        return "?" + string.Join('&', parts);
    }
}
