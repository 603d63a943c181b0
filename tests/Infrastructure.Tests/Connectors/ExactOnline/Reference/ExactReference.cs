using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline.Reference;

/// <summary>
/// The fields of the Exact Online resources the hub uses (exact-entities.json, derived from Exact's API reference and
/// the official client's entity models), and a check of one request URL against them the way Exact checks it.
/// </summary>
public static partial class ExactReference
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlySet<string>>> Resources = new(Load);

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Fields => Resources.Value;

    /// <summary>What Exact would refuse in a GET request ("sync/Logistics/Items?$select=..."), as its own message.</summary>
    public static IEnumerable<string> Refusals(string pathAndQuery)
    {
        var match = ApiPath().Match(pathAndQuery);
        if (!match.Success)
            yield break;
        var resource = match.Groups["resource"].Value;
        if (!Fields.TryGetValue(resource, out var fields))
        {
            yield return $"{resource}: not a resource of the reference";
            yield break;
        }
        var query = System.Web.HttpUtility.ParseQueryString(match.Groups["query"].Value);
        var named = (query["$select"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat((query["$expand"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Concat(FilterFields(query["$filter"] ?? "")).Concat(FilterFields(query["$orderby"] ?? ""));
        foreach (var field in named.Distinct())
            if (!fields.Contains(field))
                yield return $"{resource}: No property '{field}' exists in type '{resource}'";
    }

    private static IEnumerable<string> FilterFields(string expression) =>
        // Words outside quoted literals that are not operators, keywords or numbers (guid'..' and datetime'..' are literals).
        FilterWord().Matches(NumberLiteral().Replace(StringLiteral().Replace(expression, "''"), "0")).Select(m => m.Value)
            .Where(w => w is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le" or "and" or "or" or "not" or "null" or "true" or "false" or "guid" or "datetime" or "asc" or "desc" or "substringof" or "startswith"))
            .Where(w => !char.IsDigit(w[0]));

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Connectors", "ExactOnline", "Reference", "exact-entities.json");
        var doc = JsonNode.Parse(File.ReadAllText(path))!["resources"]!.AsObject();
        return doc.ToDictionary(r => r.Key, r => (IReadOnlySet<string>)r.Value!["fields"]!.AsObject().Select(f => f.Key).ToHashSet(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
    }

    // "/api/v1/{division}/sync/Logistics/Items?..." or "/api/v1/current/Me?..."
    [GeneratedRegex(@"/api/v1/(?:\d+/)?(?<resource>[A-Za-z]+(?:/[A-Za-z]+)*)(?:\((?:[^)]*)\))?(?:\?(?<query>.*))?$")]
    private static partial Regex ApiPath();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex StringLiteral();

    // 12, 1.5, and Exact's long literals with a suffix (Timestamp gt 1L).
    [GeneratedRegex(@"\b\d+(?:\.\d+)?[LlMmDdFf]?\b")]
    private static partial Regex NumberLiteral();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex FilterWord();
}
