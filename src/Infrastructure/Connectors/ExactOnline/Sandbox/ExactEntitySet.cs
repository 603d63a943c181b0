using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>
/// The rows of one Exact entity in one division, stored in Exact's JSON form (dates as "/Date(ms)/",
/// Guids as strings, Timestamp as a number). Not thread-safe: the division's lock guards it.
/// </summary>
public sealed class ExactEntitySet(string name, string key, string type, int deletedEntityType, IEnumerable<string> fields)
{
    public string Name { get; } = name;
    /// <summary>The key field ("ID" for most, "OrderID"/"PurchaseOrderID" for order headers).</summary>
    public string Key { get; } = key;
    /// <summary>The __metadata type, e.g. "Exact.Web.Api.Models.Logistics.Item".</summary>
    public string Type { get; } = type;
    /// <summary>The EntityType code of this entity in the Deleted log.</summary>
    public int DeletedEntityType { get; } = deletedEntityType;

    private readonly Dictionary<string, JsonObject> _rows = new(StringComparer.OrdinalIgnoreCase);
    // Declared up front, as the real resource documents them: $select and $filter accept these and nothing else (a
    // field a row happens to carry, such as the generator's own bookkeeping, is refused as Exact refuses it).
    // Timestamp is the row version, served on sync endpoints only.
    private readonly HashSet<string> _fields = new(fields.Append(key).Append("Timestamp").Append("Division"), StringComparer.OrdinalIgnoreCase);

    public IReadOnlySet<string> Fields => _fields;
    public IEnumerable<JsonObject> Rows => _rows.Values;
    public int Count => _rows.Count;

    public JsonObject? Find(string id) => _rows.GetValueOrDefault(id);

    public void Put(JsonObject row)
    {
        _rows[(string)row[Key]!] = row;
        Changed();
    }

    public bool Remove(string id)
    {
        Changed();
        return _rows.Remove(id);
    }

    private void Changed()
    {
        _byForeignKey.Clear();
        _byTimestamp = null;
    }

    private (long Timestamp, JsonObject Row)[]? _byTimestamp;

    /// <summary>The rows in Timestamp order (the sync endpoints' order), built on first use after a change.</summary>
    public IReadOnlyList<(long Timestamp, JsonObject Row)> ByTimestamp =>
        _byTimestamp ??= _rows.Values.Select(r => ((long)r["Timestamp"]!, r)).OrderBy(r => r.Item1).ToArray();

    /// <summary>The position in <see cref="ByTimestamp"/> of the first row with a Timestamp above <paramref name="timestamp"/>.</summary>
    public int FirstAfter(long timestamp)
    {
        var rows = ByTimestamp;
        int low = 0, high = rows.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (rows[middle].Timestamp <= timestamp) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    // Rows grouped by a foreign key, built on first use after a change: looking up an order's lines by scanning
    // every line made large divisions quadratic to generate and to serve.
    private readonly Dictionary<string, ILookup<string, JsonObject>> _byForeignKey = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<JsonObject> Where(string foreignKey, string id)
    {
        if (!_byForeignKey.TryGetValue(foreignKey, out var lookup))
            _byForeignKey[foreignKey] = lookup = _rows.Values.ToLookup(r => ((string?)r[foreignKey] ?? "").ToLowerInvariant());
        return lookup[id.ToLowerInvariant()];
    }

    /// <summary>Line collections that $expand can embed, e.g. "PurchaseOrderLines" -> lines whose PurchaseOrderID is the key.</summary>
    public Dictionary<string, (ExactEntitySet Lines, string ForeignKey)> Navigations { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<JsonObject> LinesOf(string navigation, string id)
    {
        var (lines, foreignKey) = Navigations[navigation];
        return lines.Where(foreignKey, id).OrderBy(l => (int?)l["LineNumber"] ?? 0);
    }

    public void Clear()
    {
        _rows.Clear();
        Changed();
    }
}
