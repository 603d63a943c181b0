using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// One record per Exact item whose stock changed in any warehouse (sync/Inventory/ItemWarehouses, Timestamp
/// cursor): the item's stock rows of all warehouses ("Stock", each with its warehouse's Main flag), so the flow can
/// total the warehouses the tenant chose. The rows of the changed items are read in bulk (20 items a call), or all
/// at once (1000 a call) on a first run or a page with many items.
/// </summary>
public sealed class ExactItemStockStream(ExactOnlineClient exact) : ISourceStream
{
    private const int ItemsPerCall = 20;
    private const int LoadAllAbove = 100;
    private const int PageSize = 1000;

    private static readonly IReadOnlyDictionary<string, ExactType> Fields =
        new Dictionary<string, ExactType>(ExactItemFields.Stock) { ["ItemCode"] = ExactType.Text };

    private ExactRelatedRows? _all;

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursorText, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = ExactSyncCursor.Parse(cursorText).Rows;
        if (cursor <= 1)
        {
            // A first run reads every row anyway: read them once and give every item that has stock.
            var all = await AllAsync(ct);
            var max = Math.Max(cursor, all.MaxTimestamp);
            var items = all.Items.ToList();
            for (var i = 0; i < items.Count; i += PageSize)
            {
                var last = i + PageSize >= items.Count;
                // The cursor moves only with the last page: the rows were read all at once, not page by page.
                yield return new SourcePage(await RecordsAsync(items.Skip(i).Take(PageSize).ToList(), ct), last ? new ExactSyncCursor(max, max).ToString() : null);
            }
            if (items.Count == 0) yield return new SourcePage([], new ExactSyncCursor(max, max).ToString());
            yield break;
        }

        var url = exact.Url("sync/Inventory/ItemWarehouses", ["ID", "Item", "Timestamp"], $"Timestamp gt {cursor}L");
        await foreach (var page in exact.PagesAsync(url, ct))
        {
            var items = page.Select(r => r["Item"]?.ToString()?.ToLowerInvariant()).OfType<string>().Distinct().ToList();
            cursor = Math.Max(cursor, page.Select(r => ExactRecordCheck.Timestamp(r) ?? 0).DefaultIfEmpty(cursor).Max());
            yield return new SourcePage(await RecordsAsync(items, ct), new ExactSyncCursor(cursor, cursor).ToString());
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (!Guid.TryParse(sourceId, out var id)) return null;
        var records = await RecordsAsync([id.ToString()], ct);
        return records.FirstOrDefault();
    }

    private async Task<List<SourceRecord>> RecordsAsync(IReadOnlyList<string> items, CancellationToken ct)
    {
        if (items.Count == 0) return [];
        var rows = _all ?? (items.Count > LoadAllAbove ? await AllAsync(ct) : await RowsOfAsync(items, ct));
        var records = new List<SourceRecord>(items.Count);
        foreach (var item in items)
        {
            var (stock, problem) = await exact.Warehouses.StockOfAsync(rows, item, ct);
            string? code = null;
            foreach (var level in stock.OfType<JsonObject>())
            {
                code ??= level["ItemCode"]?.ToString();
                // The item's code belongs to the record, not to each of its stock lines.
                level.Remove("ItemCode");
            }
            // An item whose last stock row is gone has no rows: it has no stock.
            var data = new JsonObject { ["ID"] = item, ["ItemCode"] = code, ["Stock"] = stock };
            records.Add(problem is null ? new SourceRecord(item, data) : SourceRecord.Malformed(item, problem, data));
        }
        return records;
    }

    private Task<ExactRelatedRows> RowsOfAsync(IReadOnlyList<string> items, CancellationToken ct) =>
        ExactRelatedRows.ReadForItemsAsync(exact, "inventory/ItemWarehouses", Fields, items, ItemsPerCall, ct);

    /// <summary>Every stock row of the division, held compactly for the run.</summary>
    private async Task<ExactRelatedRows> AllAsync(CancellationToken ct) =>
        _all ??= await ExactRelatedRows.ReadAllAsync(exact, "sync/Inventory/ItemWarehouses", Fields, ct);
}
