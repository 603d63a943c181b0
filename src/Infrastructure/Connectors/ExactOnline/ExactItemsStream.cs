using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// Exact items for the products flow, each with its sales price list entries ("Prices") and its stock per
/// warehouse ("Stock"), followed by the items Exact deleted. Reads changed items from the Items sync
/// endpoint, then items whose prices or stock changed (those do not touch the item's own Timestamp), then
/// the Deleted log. Prices and stock are read in bulk per page of items, never one call per item.
/// </summary>
public sealed class ExactItemsStream(ExactOnlineClient exact) : ISourceStream
{
    // A filter of 40 item IDs keeps the URL well under Exact's 6000 characters; ItemWarehouses is a regular
    // endpoint (60 rows a page), so fewer items per call keep each chunk to one page.
    private const int PriceChunk = 40;
    private const int StockChunk = 20;
    // Above this many items on a page, reading every price and stock row once (1000 per call) is cheaper.
    private const int LoadAllAbove = 100;

    private ExactRelatedRows? _allPrices;
    private ExactRelatedRows? _allStock;

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursorText, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = ExactItemCursor.Parse(cursorText);
        var firstRun = cursor.IsStart;
        var emitted = new HashSet<Guid>();

        var itemsUrl = exact.Url("sync/Logistics/Items", ExactItemFields.SyncItem.Keys, $"Timestamp gt {cursor.Items}L");
        await foreach (var page in exact.ElementPagesAsync(itemsUrl, ct))
        {
            var records = await EnrichAsync(Cleaned(page, ExactItemFields.SyncItem), loadAll: firstRun || page.Count > LoadAllAbove, ct);
            foreach (var r in records)
                if (Guid.TryParse(r.Id, out var id)) emitted.Add(id);
            cursor = cursor with { Items = Math.Max(cursor.Items, page.Select(ExactRecordCheck.Timestamp).Max() ?? 0) };
            // A complete read of prices/stock made for this page covers every change up to its highest Timestamp.
            if (_allPrices is not null) cursor = cursor with { Prices = Math.Max(cursor.Prices, _allPrices.MaxTimestamp) };
            if (_allStock is not null) cursor = cursor with { Stock = Math.Max(cursor.Stock, _allStock.MaxTimestamp) };
            yield return new SourcePage(records, cursor.ToString());
        }

        // After a complete read of prices (or stock) this run, the cursor already stands at its newest row: a change
        // made meanwhile is newer and is read on the next run, so asking again now would only cost a call.
        var pricesUrl = exact.Url("sync/Logistics/SalesItemPrices", ["Item", "Timestamp"], $"Timestamp gt {cursor.Prices}L");
        await foreach (var page in _allPrices is null ? exact.PagesAsync(pricesUrl, ct) : AsyncEnumerable.Empty<IReadOnlyList<JsonObject>>())
        {
            var records = await ItemsByIdAsync(ItemIds(page, emitted), ct);
            cursor = cursor with { Prices = Math.Max(cursor.Prices, MaxTimestamp(page)) };
            yield return new SourcePage(records, cursor.ToString());
        }

        var stockUrl = exact.Url("sync/Inventory/ItemWarehouses", ["Item", "Timestamp"], $"Timestamp gt {cursor.Stock}L");
        await foreach (var page in _allStock is null ? exact.PagesAsync(stockUrl, ct) : AsyncEnumerable.Empty<IReadOnlyList<JsonObject>>())
        {
            var records = await ItemsByIdAsync(ItemIds(page, emitted), ct);
            cursor = cursor with { Stock = Math.Max(cursor.Stock, MaxTimestamp(page)) };
            yield return new SourcePage(records, cursor.ToString());
        }

        // EntityType 9 = Items in Exact's Deleted log.
        var deletedUrl = exact.Url("sync/Deleted", ["EntityKey", "EntityType", "Timestamp"], $"Timestamp gt {cursor.Deleted}L and EntityType eq 9");
        await foreach (var page in exact.PagesAsync(deletedUrl, ct))
        {
            var records = page.Select(d => d["EntityKey"]?.ToString()).OfType<string>()
                .Select(key => SourceRecord.Deletion(key.ToLowerInvariant())).ToList();
            cursor = cursor with { Deleted = Math.Max(cursor.Deleted, MaxTimestamp(page)) };
            yield return new SourcePage(records, cursor.ToString());
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (!Guid.TryParse(sourceId, out var id)) return null;
        var records = await ItemsByIdAsync([id.ToString()], ct);
        return records.FirstOrDefault();
    }

    /// <summary>Items by ID (bulk endpoint, 40 IDs per call), enriched.</summary>
    private async Task<List<SourceRecord>> ItemsByIdAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        var items = new List<(JsonObject, string?)>();
        foreach (var chunk in ids.Chunk(PriceChunk))
            await foreach (var page in exact.ElementPagesAsync(exact.Url("bulk/Logistics/Items", ExactItemFields.Item.Keys, AnyOf("ID", chunk)), ct))
                items.AddRange(Cleaned(page, ExactItemFields.Item));
        return items.Count == 0 ? [] : await EnrichAsync(items, loadAll: items.Count > LoadAllAbove, ct);
    }

    /// <summary>Items checked straight from the page (see <see cref="ExactRecordCheck.Clean(JsonElement, IReadOnlyDictionary{string, ExactType}, string[])"/>).</summary>
    private static List<(JsonObject Data, string? Problem)> Cleaned(IReadOnlyList<JsonElement> page, IReadOnlyDictionary<string, ExactType> fields) =>
        page.Select(item => ExactRecordCheck.Clean(item, fields, "ID", "Code")).ToList();

    private async Task<List<SourceRecord>> EnrichAsync(IReadOnlyList<(JsonObject Data, string? Problem)> items, bool loadAll, CancellationToken ct)
    {
        if (items.Count == 0) return [];
        // A valid ID is in the record in Guid's own spelling; an invalid one is kept as sent, and is no item to read rows of.
        var ids = items.Select(i => i.Data["ID"]?.ToString()).Where(i => Guid.TryParse(i, out _)).Select(i => i!.ToLowerInvariant()).ToList();
        // Prices and stock come from two endpoints, asked at once so that the waits for their pages overlap.
        var pricesRead = loadAll ? AllPricesAsync(ct) : ExactRelatedRows.ReadForItemsAsync(exact, "bulk/Logistics/SalesItemPrices", ExactItemFields.Price, ids, PriceChunk, ct);
        var stockRead = loadAll ? AllStockAsync(ct) : ExactRelatedRows.ReadForItemsAsync(exact, "inventory/ItemWarehouses", ExactItemFields.Stock, ids, StockChunk, ct);
        await Task.WhenAll(pricesRead, stockRead);
        var (prices, stock) = (await pricesRead, await stockRead);
        var records = new List<SourceRecord>(items.Count);
        foreach (var (data, cleanProblem) in items)
        {
            var problem = cleanProblem;
            var id = (data["ID"] as JsonValue)?.ToString() ?? data["ID"]?.ToJsonString() ?? "(no ID)";
            var key = id.ToLowerInvariant();

            var priceList = new JsonArray();
            foreach (var (price, priceProblem) in prices.For(key))
            {
                problem ??= priceProblem is null ? null : $"price {price["ID"]}: {priceProblem}";
                priceList.Add(price);
            }
            data["Prices"] = priceList;

            var (stockList, stockProblem) = await exact.Warehouses.StockOfAsync(stock, key, ct);
            problem ??= stockProblem;
            data["Stock"] = stockList;

            records.Add(problem is null ? new SourceRecord(key, data) : SourceRecord.Malformed(key, problem, data));
        }
        return records;
    }

    private async Task<ExactRelatedRows> AllPricesAsync(CancellationToken ct) =>
        _allPrices ??= await ExactRelatedRows.ReadAllAsync(exact, "sync/Logistics/SalesItemPrices", ExactItemFields.Price, ct);

    private async Task<ExactRelatedRows> AllStockAsync(CancellationToken ct) =>
        _allStock ??= await ExactRelatedRows.ReadAllAsync(exact, "sync/Inventory/ItemWarehouses", ExactItemFields.Stock, ct);

    private static List<string> ItemIds(IEnumerable<JsonObject> rows, HashSet<Guid> emitted)
    {
        var ids = new List<string>();
        foreach (var row in rows)
            if (Guid.TryParse(row["Item"]?.ToString(), out var id) && emitted.Add(id))
                ids.Add(id.ToString());
        return ids;
    }

    private static string AnyOf(string field, IEnumerable<string> ids) =>
        string.Join(" or ", ids.Select(id => $"{field} eq guid'{id}'"));

    private static long MaxTimestamp(IEnumerable<JsonObject> rows) =>
        rows.Select(ExactRecordCheck.Timestamp).Max() ?? 0;
}
