using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.Compositions;

/// <summary>
/// Exact bill-of-material lines (BillOfMaterialMaterials) joined with their version (the composed item, whether the
/// version is the default, its batch quantity), then the lines Exact deleted. A run with no changed line and no
/// changed version reads one page of each sync endpoint. When something changed, all lines are read once (1000 a
/// call), because whether a line would close a crossing (A made with B, B made with A) depends on all the others:
/// lines already synced keep their place, the others are taken oldest first, and a line that would close a crossing
/// gets the path it closes in "Crossing".
/// Cursor: "lines=..;versions=..;deleted=.." (the highest Timestamp read from each).
/// </summary>
public sealed class BomLinesStream(ExactOnlineClient exact, LinkLookup links, string entity) : ISourceStream
{
    private const int PageSize = 1000;

    private static readonly IReadOnlyDictionary<string, ExactType> LineFields = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["ItemVersion"] = ExactType.Guid,
        ["PartItem"] = ExactType.Guid,
        ["PartItemCode"] = ExactType.Text,
        ["Description"] = ExactType.Text,
        ["Quantity"] = ExactType.Number,
        ["QuantityBatch"] = ExactType.Number,
        ["Type"] = ExactType.Number,
        ["LineNumber"] = ExactType.Number,
    };

    // BillOfMaterialVersions has no ItemCode (Exact answers 400 to asking for it): the codes come from the items.
    private static readonly string[] VersionFields = ["ID", "Item", "IsDefault", "BatchQuantity", "Timestamp"];
    private const int CodesPerCall = 40;
    private const int ReadAllCodesAbove = 100;

    private Dictionary<string, string?>? _itemCodes;

    private Dictionary<string, JsonObject>? _versions;
    private List<JsonObject>? _lines;
    private Dictionary<string, IReadOnlyList<string>>? _crossings;

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursorText, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = BomCursor.Parse(cursorText);
        var versions = await VersionsAsync(ct);
        var changedVersions = versions.Values.Where(v => Timestamp(v) > cursor.Versions).Select(v => Id(v)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var probe = exact.Url("sync/Manufacturing/BillOfMaterialMaterials", LineFields.Keys.Append("Timestamp"), $"Timestamp gt {cursor.Lines}L");
        var anyChangedLine = false;
        await foreach (var page in exact.PagesAsync(probe, ct))
        {
            anyChangedLine = page.Count > 0;
            break;
        }

        if (anyChangedLine || changedVersions.Count > 0)
        {
            var lines = await LinesAsync(ct);
            var crossings = await CrossingsAsync(ct);
            var changed = lines
                .Where(l => Timestamp(l) > cursor.Lines || changedVersions.Contains(l["ItemVersion"]?.ToString() ?? ""))
                .OrderBy(Timestamp)
                .ToList();
            var maxVersion = versions.Values.Select(Timestamp).DefaultIfEmpty(cursor.Versions).Max();
            for (var i = 0; i < changed.Count; i += PageSize)
            {
                var chunk = changed.Skip(i).Take(PageSize).ToList();
                var last = i + PageSize >= changed.Count;
                cursor = cursor with
                {
                    Lines = Math.Max(cursor.Lines, chunk.Max(Timestamp)),
                    // Lines of changed versions come in any chunk, so the version cursor moves only after the last one.
                    Versions = last ? Math.Max(cursor.Versions, maxVersion) : cursor.Versions,
                };
                yield return new SourcePage(chunk.Select(l => ToRecord(l, versions, crossings)).ToList(), cursor.ToString());
            }
        }

        // EntityType 54 = BillOfMaterialMaterials in Exact's Deleted log.
        var deleted = exact.Url("sync/Deleted", ["EntityKey", "EntityType", "Timestamp"], $"Timestamp gt {cursor.Deleted}L and EntityType eq 54");
        await foreach (var page in exact.PagesAsync(deleted, ct))
        {
            var records = page.Select(d => d["EntityKey"]?.ToString()).OfType<string>().Select(k => SourceRecord.Deletion(k.ToLowerInvariant())).ToList();
            cursor = cursor with { Deleted = Math.Max(cursor.Deleted, page.Select(ExactRecordCheck.Timestamp).Max() ?? 0) };
            yield return new SourcePage(records, cursor.ToString());
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        var line = (await LinesAsync(ct)).FirstOrDefault(l => string.Equals(Id(l), sourceId, StringComparison.OrdinalIgnoreCase));
        if (line is null) return null;
        var crossings = await CrossingsAsync(ct);
        return ToRecord(line, await VersionsAsync(ct), crossings);
    }

    private SourceRecord ToRecord(JsonObject line, Dictionary<string, JsonObject> versions, Dictionary<string, IReadOnlyList<string>> crossings)
    {
        var (data, problem) = ExactRecordCheck.Clean(line, LineFields, "ID", "ItemVersion", "PartItem");
        var id = Id(line);
        var version = versions.GetValueOrDefault(line["ItemVersion"]?.ToString() ?? "");
        data["ComposedItem"] = version?["Item"]?.ToString()?.ToLowerInvariant();
        data["ComposedItemCode"] = version?["Item"]?.ToString() is { } composed ? _itemCodes?.GetValueOrDefault(composed) : null;
        data["VersionIsDefault"] = version is not null && ExactJson.Bool(version["IsDefault"]);
        data["BatchQuantity"] = version?["BatchQuantity"]?.DeepClone();
        data["Crossing"] = crossings.TryGetValue(id, out var path) ? new JsonArray(path.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()) : null;
        return problem is null ? new SourceRecord(id, data) : SourceRecord.Malformed(id, problem, data);
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> CrossingsAsync(CancellationToken ct)
    {
        if (_crossings is not null) return _crossings;
        await LoadItemCodesAsync(ct);
        var versions = await VersionsAsync(ct);
        var lines = await LinesAsync(ct);
        var synced = await links.AllAsync(entity, ct);
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var edges = new List<(CompositionEdge Edge, bool Synced, long Timestamp)>();
        foreach (var line in lines)
        {
            if (versions.GetValueOrDefault(line["ItemVersion"]?.ToString() ?? "") is not { } version || !ExactJson.Bool(version["IsDefault"])) continue;
            if (ExactJson.Number(line["Type"]) is { } type && type != 1) continue;
            if (version["Item"]?.ToString() is not { } composed || line["PartItem"]?.ToString() is not { } part) continue;
            codes.TryAdd(composed, _itemCodes?.GetValueOrDefault(composed)?.Trim() ?? composed);
            codes.TryAdd(part, ExactJson.Text(line["PartItemCode"])?.Trim() ?? part);
            var id = Id(line);
            edges.Add((new CompositionEdge(id, composed, part), synced.ContainsKey(id), Timestamp(line)));
        }
        var rejected = CompositionGraph.Rejected(edges.OrderByDescending(e => e.Synced).ThenBy(e => e.Timestamp).Select(e => e.Edge));
        return _crossings = rejected.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)r.Value.Select(i => codes.GetValueOrDefault(i) ?? i).ToList(), StringComparer.OrdinalIgnoreCase);
    }

    private async Task<Dictionary<string, JsonObject>> VersionsAsync(CancellationToken ct)
    {
        if (_versions is not null) return _versions;
        var all = await exact.AllAsync(exact.Url("sync/Manufacturing/BillOfMaterialVersions", VersionFields, "Timestamp gt 1L"), ct);
        return _versions = all.Where(v => v["ID"] is not null).ToDictionary(v => Id(v), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The codes of the composed items, read only when records are built (a quiet run reads none): by 40 IDs a call,
    /// or all items once (1000 a call) when there are many.
    /// </summary>
    private async Task LoadItemCodesAsync(CancellationToken ct)
    {
        if (_itemCodes is not null) return;
        var items = (await VersionsAsync(ct)).Values.Select(v => v["Item"]?.ToString()?.ToLowerInvariant()).OfType<string>().Distinct().ToList();
        var codes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        void Remember(IEnumerable<JsonObject> rows)
        {
            foreach (var row in rows)
                if (row["ID"]?.ToString() is { } id) codes[id] = ExactJson.Text(row["Code"]);
        }
        if (items.Count > ReadAllCodesAbove)
            await foreach (var page in exact.PagesAsync(exact.Url("sync/Logistics/Items", ["ID", "Code", "Timestamp"], "Timestamp gt 1L"), ct))
                Remember(page);
        else
            foreach (var chunk in items.Chunk(CodesPerCall))
                Remember(await exact.AllAsync(exact.Url("bulk/Logistics/Items", ["ID", "Code"], string.Join(" or ", chunk.Select(id => $"ID eq guid'{id}'"))), ct));
        _itemCodes = codes;
    }

    private async Task<List<JsonObject>> LinesAsync(CancellationToken ct) =>
        _lines ??= await exact.AllAsync(exact.Url("sync/Manufacturing/BillOfMaterialMaterials", LineFields.Keys.Append("Timestamp"), "Timestamp gt 1L"), ct);

    private static string Id(JsonObject row) => (row["ID"]?.ToString() ?? "(no ID)").ToLowerInvariant();

    private static long Timestamp(JsonObject row) => ExactRecordCheck.Timestamp(row) ?? 0;

    private sealed record BomCursor(long Lines, long Versions, long Deleted)
    {
        public static BomCursor Parse(string? text)
        {
            var cursor = new BomCursor(1, 1, 1);
            if (string.IsNullOrWhiteSpace(text)) return cursor;
            foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pair = part.Split('=', 2);
                if (pair.Length != 2 || !long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    throw new FormatException($"'{text}' is not a bill-of-material cursor.");
                cursor = pair[0] switch
                {
                    "lines" => cursor with { Lines = value },
                    "versions" => cursor with { Versions = value },
                    "deleted" => cursor with { Deleted = value },
                    _ => throw new FormatException($"'{text}' is not a bill-of-material cursor."),
                };
            }
            return cursor;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"lines={Lines};versions={Versions};deleted={Deleted}");
    }
}
