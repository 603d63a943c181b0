using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using static Koppel.Infrastructure.Connectors.ExactOnline.ExactLookups;
using Fields = Koppel.Infrastructure.Integrations.ExactOptiply.SellOrders.ExactSellOrderFields;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.SellOrders;

/// <summary>
/// The Exact documents that can become Optiply sell orders, one stream after the other as the tenant's
/// options switch them on: sales orders (headers from their sync endpoint, lines in bulk per page), sales
/// invoices (the combined header+line sync endpoint, lines in bulk so an invoice split over two pages is
/// still whole), production orders (shop orders), then the deletions of all three from the Deleted log in
/// one read. Each record is the document header with "Source", its "Lines", and the warehouses the
/// warehouse filter needs, so the rules decide without further calls.
/// </summary>
public sealed class ExactSellOrdersStream(ExactOnlineClient exact, SellOrderSettings settings, WarehouseSettings warehouses) : ISourceStream
{
    // Exact's Deleted log codes: 32 SalesOrderHeaders, 13 SalesInvoices, 36 ShopOrders.
    private static readonly Dictionary<string, int> DeletedTypes = new()
    {
        [SellOrderSource.SalesOrder] = 32,
        [SellOrderSource.SalesInvoice] = 13,
        [SellOrderSource.ProductionOrder] = 36,
    };


    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursorText, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = ExactSellOrderCursor.Parse(cursorText, Fingerprint());

        if (settings.SalesOrders != SourceFilter.Off)
            await foreach (var page in exact.PagesAsync(exact.Url("sync/SalesOrder/SalesOrderHeaders", Fields.SalesOrder.Keys.Append("Timestamp"), $"Timestamp gt {cursor.Orders}L"), ct))
            {
                var records = await SalesOrdersAsync(page, ct);
                cursor = cursor with { Orders = Math.Max(cursor.Orders, MaxTimestamp(page)) };
                yield return new SourcePage(records, cursor.ToString());
            }

        if (settings.SalesInvoices != SourceFilter.Off)
        {
            var select = Fields.SalesInvoice.Keys.Append("LineNumber").Append("Timestamp");
            await foreach (var page in exact.PagesAsync(exact.Url("sync/SalesInvoice/SalesInvoices", select, $"Timestamp gt {cursor.Invoices}L"), ct))
            {
                var records = await InvoicesOfSyncRowsAsync(page, ct);
                cursor = cursor with { Invoices = Math.Max(cursor.Invoices, MaxTimestamp(page)) };
                yield return new SourcePage(records, cursor.ToString());
            }
        }

        if (settings.ProductionOrders != SourceFilter.Off)
            await foreach (var page in exact.PagesAsync(exact.Url("sync/Manufacturing/ShopOrders", Fields.ShopOrder.Keys.Append("Timestamp"), $"Timestamp gt {cursor.Production}L"), ct))
            {
                var records = await ShopOrdersAsync(page, ct);
                cursor = cursor with { Production = Math.Max(cursor.Production, MaxTimestamp(page)) };
                yield return new SourcePage(records, cursor.ToString());
            }

        var sources = DeletedTypes.Keys.Where(s => SellOrderSource.FilterOf(settings, s) != SourceFilter.Off).ToList();
        if (sources.Count == 0) yield break;
        var types = string.Join(" or ", sources.Select(s => $"EntityType eq {DeletedTypes[s]}"));
        var deletedUrl = exact.Url("sync/Deleted", ["EntityKey", "EntityType", "Timestamp"], $"Timestamp gt {cursor.Deleted}L and ({types})");
        await foreach (var page in exact.PagesAsync(deletedUrl, ct))
        {
            var records = new List<SourceRecord>();
            foreach (var row in page)
            {
                var type = ExactJson.Number(row["EntityType"]);
                var source = sources.FirstOrDefault(s => DeletedTypes[s] == type);
                if (source is not null && row["EntityKey"]?.ToString() is { } key)
                    records.Add(SourceRecord.Deletion(SellOrderSource.RecordId(source, key)));
            }
            cursor = cursor with { Deleted = Math.Max(cursor.Deleted, MaxTimestamp(page)) };
            yield return new SourcePage(records, cursor.ToString());
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (SellOrderSource.Parse(sourceId) is not { } parsed || !Guid.TryParse(parsed.ExactId, out var id)) return null;
        var records = parsed.Source switch
        {
            SellOrderSource.SalesOrder => await SalesOrdersAsync(
                await exact.AllAsync(exact.Url("bulk/SalesOrder/SalesOrders", Fields.SalesOrder.Keys, $"OrderID eq guid'{id}'"), ct), ct),
            SellOrderSource.SalesInvoice => await InvoicesAsync(
                await exact.AllAsync(exact.Url("bulk/SalesInvoice/SalesInvoices", Fields.SalesInvoice.Keys, $"InvoiceID eq guid'{id}'"), ct), ct),
            _ => await ShopOrdersAsync(
                await exact.AllAsync(exact.Url("manufacturing/ShopOrders", Fields.ShopOrder.Keys, $"ID eq guid'{id}'"), ct), ct),
        };
        return records.FirstOrDefault();
    }

    private async Task<List<SourceRecord>> SalesOrdersAsync(IReadOnlyList<JsonObject> headers, CancellationToken ct)
    {
        if (headers.Count == 0) return [];
        var lines = await exact.RowsByAsync("bulk/SalesOrder/SalesOrderLines", Fields.SalesOrderLine.Keys, "OrderID", Keys(headers, "OrderID"), ct);
        var main = await MainWarehouseAsync(ct);
        return headers.Select(h => Record(SellOrderSource.SalesOrder, h, "OrderID", Fields.SalesOrder, ["OrderID", "OrderDate"],
            lines[Key(h, "OrderID")], Fields.SalesOrderLine, main)).ToList();
    }

    /// <summary>
    /// Invoices changed on a page of the combined sync endpoint. Its header rows (LineNumber 0) hold the header
    /// values (a line row carries the line's AmountDC); headers of invoices seen only through a line are read in bulk.
    /// </summary>
    private async Task<List<SourceRecord>> InvoicesOfSyncRowsAsync(IReadOnlyList<JsonObject> rows, CancellationToken ct)
    {
        var headers = rows.Where(r => ExactJson.Number(r["LineNumber"]) is null or 0).GroupBy(r => Key(r, "InvoiceID")).Select(g => g.First()).ToList();
        var missing = rows.Select(r => Key(r, "InvoiceID")).Distinct().Except(headers.Select(h => Key(h, "InvoiceID"))).ToList();
        if (missing.Count > 0)
            headers.AddRange((await exact.RowsByAsync("bulk/SalesInvoice/SalesInvoices", Fields.SalesInvoice.Keys, "InvoiceID", missing, ct)).SelectMany(g => g));
        return await InvoicesAsync(headers, ct);
    }

    private async Task<List<SourceRecord>> InvoicesAsync(IReadOnlyList<JsonObject> headers, CancellationToken ct)
    {
        if (headers.Count == 0) return [];
        var lines = await exact.RowsByAsync("bulk/SalesInvoice/SalesInvoiceLines", Fields.SalesInvoiceLine.Keys, "InvoiceID", Keys(headers, "InvoiceID"), ct);
        var main = await MainWarehouseAsync(ct);
        var orderWarehouses = await OrderWarehousesAsync(headers, lines, ct);
        return headers.Select(h =>
        {
            var key = Key(h, "InvoiceID");
            var record = Record(SellOrderSource.SalesInvoice, h, "InvoiceID", Fields.SalesInvoice, ["InvoiceID", "InvoiceDate"], lines[key], Fields.SalesInvoiceLine, main);
            var order = lines[key].Select(l => l["SalesOrder"]?.ToString()?.ToLowerInvariant()).FirstOrDefault(o => o is not null);
            if (order is not null && orderWarehouses.TryGetValue(order, out var warehouse)) record.Data["OrderWarehouse"] = warehouse;
            return record;
        }).ToList();
    }

    /// <summary>
    /// The warehouse of the sales order an invoice was made from: Exact fills the invoice's own Warehouse only on
    /// direct invoices. Read only when the warehouse filter needs it and the invoice is synced at all (with sales
    /// orders on, invoices of orders are left out anyway).
    /// </summary>
    private async Task<Dictionary<string, string>> OrderWarehousesAsync(IReadOnlyList<JsonObject> headers, ILookup<string, JsonObject> lines, CancellationToken ct)
    {
        if (warehouses.Mode == WarehouseMode.All || settings.SalesOrders != SourceFilter.Off) return [];
        var orders = headers.Where(h => ExactJson.Guid(h["Warehouse"]) is null)
            .SelectMany(h => lines[Key(h, "InvoiceID")])
            .Select(l => l["SalesOrder"]?.ToString()).OfType<string>().ToList();
        if (orders.Count == 0) return [];
        var rows = await exact.RowsByAsync("bulk/SalesOrder/SalesOrders", ["OrderID", "WarehouseID"], "OrderID", orders, ct);
        return rows.Where(g => g.First()["WarehouseID"]?.ToString() is not null)
            .ToDictionary(g => g.Key, g => g.First()["WarehouseID"]!.ToString().ToLowerInvariant());
    }

    private async Task<List<SourceRecord>> ShopOrdersAsync(IReadOnlyList<JsonObject> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var main = await MainWarehouseAsync(ct);
        return rows.Select(r => Record(SellOrderSource.ProductionOrder, r, "ID", Fields.ShopOrder, ["ID", "Item", "PlannedStartDate"], null, null, main)).ToList();
    }

    private static SourceRecord Record(string source, JsonObject header, string keyField, IReadOnlyDictionary<string, ExactType> fields, string[] required,
        IEnumerable<JsonObject>? lines, IReadOnlyDictionary<string, ExactType>? lineFields, string? main)
    {
        var (data, problem) = ExactRecordCheck.Clean(header, fields, required);
        data["Source"] = source;
        if (lines is not null)
        {
            var list = new JsonArray();
            foreach (var line in lines.OrderBy(l => ExactJson.Number(l["LineNumber"]) ?? 0))
            {
                var (clean, lineProblem) = ExactRecordCheck.Clean(line, lineFields!, "ID");
                problem ??= lineProblem is null ? null : $"line {line["LineNumber"]}: {lineProblem}";
                list.Add(clean);
            }
            data["Lines"] = list;
        }
        if (main is not null) data["MainWarehouse"] = main;
        var id = SellOrderSource.RecordId(source, Key(header, keyField));
        return problem is null ? new SourceRecord(id, data) : SourceRecord.Malformed(id, problem, data);
    }


    private static string Key(JsonObject row, string field) => row[field]?.ToString()?.ToLowerInvariant() ?? "(no id)";

    private static List<string> Keys(IEnumerable<JsonObject> rows, string field) => rows.Select(r => Key(r, field)).Distinct().ToList();

    /// <summary>A short hash of the options that decide which documents count (see <see cref="ExactSellOrderCursor"/>).</summary>
    private string Fingerprint()
    {
        var text = JsonSerializer.Serialize(new
        {
            settings.SalesOrders, settings.SalesInvoices, settings.ProductionOrders,
            warehouses.Mode, warehouses.MainWarehouseId, Subset = warehouses.Subset.Order().ToList(),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
    }

    /// <summary>The main warehouse's id when the filter follows Exact's flag (read once per run by the client), else null.</summary>
    private async Task<string?> MainWarehouseAsync(CancellationToken ct) =>
        warehouses.FollowsExactMain ? await exact.Warehouses.MainIdAsync(ct) : null;
}
