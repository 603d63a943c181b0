using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.SupplierProducts;

/// <summary>
/// Adds "ItemBarcode", the barcode of the record's Exact item (field "Item"). Items are read in bulk: by 40 IDs a
/// call for a page with few new items, or all items once (1000 a call) when a page has many, never one per record.
/// </summary>
public sealed class WithItemBarcodes(ISourceStream inner, ExactOnlineClient exact) : ISourceStream
{
    private const int IdsPerCall = 40;
    private const int LoadAllAbove = 100;
    // Retried records come one at a time: past this many, reading all items once is cheaper than a call each.
    private const int SingleReadsBeforeAll = 10;
    private int _singleReads;
    private readonly Dictionary<string, string?> _barcodes = new(StringComparer.OrdinalIgnoreCase);
    private bool _loadedAll;

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in inner.ReadAsync(cursor, ct))
        {
            await LoadAsync(page.Records, ct);
            yield return page with { Records = page.Records.Select(Add).ToList() };
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (await inner.ReadOneAsync(sourceId, ct) is not { } record) return null;
        if (++_singleReads > SingleReadsBeforeAll && !_loadedAll) await LoadAllAsync(ct);
        await LoadAsync([record], ct);
        return Add(record);
    }

    private SourceRecord Add(SourceRecord record)
    {
        if (record.Deleted) return record;
        var data = (JsonObject)record.Data.DeepClone();
        data["ItemBarcode"] = ItemOf(record) is { } item ? _barcodes.GetValueOrDefault(item) : null;
        return record with { Data = data };
    }

    private async Task LoadAsync(IReadOnlyList<SourceRecord> records, CancellationToken ct)
    {
        if (_loadedAll) return;
        var missing = records.Where(r => !r.Deleted).Select(ItemOf).OfType<string>().Where(id => !_barcodes.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0) return;
        if (missing.Count > LoadAllAbove)
        {
            await LoadAllAsync(ct);
            return;
        }
        foreach (var chunk in missing.Chunk(IdsPerCall))
            Remember(await exact.AllAsync(exact.Url("bulk/Logistics/Items", ["ID", "Barcode"], string.Join(" or ", chunk.Select(id => $"ID eq guid'{id}'"))), ct));
        // An item Exact no longer has gets no barcode rather than being asked for again.
        foreach (var id in missing) _barcodes.TryAdd(id, null);
    }

    private async Task LoadAllAsync(CancellationToken ct)
    {
        await foreach (var page in exact.PagesAsync(exact.Url("sync/Logistics/Items", ["ID", "Barcode", "Timestamp"], "Timestamp gt 1L"), ct))
            Remember(page);
        _loadedAll = true;
    }

    private void Remember(IEnumerable<JsonObject> items)
    {
        foreach (var item in items)
            if (item["ID"]?.ToString() is { } id)
                _barcodes[id.ToLowerInvariant()] = (item["Barcode"] as JsonValue)?.ToString();
    }

    private static string? ItemOf(SourceRecord record) =>
        record.Data["Item"]?.ToString() is { } id && Guid.TryParse(id, out var guid) ? guid.ToString() : null;
}
