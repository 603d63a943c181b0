using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>Reads that enrich a page of documents in bulk: rows by a key of the page, never one call per document.</summary>
public static class ExactLookups
{
    // 40 GUIDs in one filter keep the URL well under Exact's 6,000 characters.
    public const int IdsPerFilter = 40;

    public static string AnyOf(string field, IEnumerable<string> ids) =>
        string.Join(" or ", ids.Select(id => $"{field} eq guid'{id}'"));

    /// <summary>The rows whose <paramref name="keyField"/> is one of <paramref name="ids"/>, grouped by that key (lower case).</summary>
    public static async Task<ILookup<string, JsonObject>> RowsByAsync(this ExactOnlineClient exact, string resource, IEnumerable<string> fields,
        string keyField, IEnumerable<string> ids, CancellationToken ct)
    {
        var rows = new List<JsonObject>();
        var select = fields.ToList();
        foreach (var chunk in ids.Where(i => Guid.TryParse(i, out _)).Distinct(StringComparer.OrdinalIgnoreCase).Chunk(IdsPerFilter))
            rows.AddRange(await exact.AllAsync(exact.Url(resource, select, AnyOf(keyField, chunk)), ct));
        return rows.ToLookup(r => r[keyField]?.ToString()?.ToLowerInvariant() ?? "", StringComparer.Ordinal);
    }


    public static long MaxTimestamp(IEnumerable<JsonObject> rows) => rows.Select(ExactRecordCheck.Timestamp).Max() ?? 0;
}
