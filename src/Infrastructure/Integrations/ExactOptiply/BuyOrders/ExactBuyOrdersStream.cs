using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrders;

/// <summary>
/// Exact purchase orders with their lines, then deleted purchase orders, then assembly orders, as one record per
/// order ("Kind", header fields, "Lines"). Purchase orders come from the combined sync endpoint, where a change to
/// the header or any line returns the header row and every line row again: so each order arrives whole, and a
/// line that is gone from it was deleted in Exact.
/// </summary>
public sealed class ExactBuyOrdersStream(ExactOnlineClient exact) : ISourceStream
{
    /// <summary>Assembly orders have no sync endpoint: like Optiply's own tap, re-read those of the last 120 days.</summary>
    public static readonly int AssemblyLookbackDays = 120;

    public static readonly IReadOnlyDictionary<string, ExactType> HeaderFields = new Dictionary<string, ExactType>
    {
        ["PurchaseOrderID"] = ExactType.Guid, ["OrderNumber"] = ExactType.Number, ["OrderDate"] = ExactType.Date,
        ["ReceiptDate"] = ExactType.Date, ["AmountDC"] = ExactType.Number, ["Supplier"] = ExactType.Guid,
        ["SupplierCode"] = ExactType.Text, ["Warehouse"] = ExactType.Guid, ["WarehouseCode"] = ExactType.Text,
        ["OrderStatus"] = ExactType.Number, ["ReceiptStatus"] = ExactType.Number, ["Created"] = ExactType.Date,
        ["Source"] = ExactType.Number,
    };

    public static readonly IReadOnlyDictionary<string, ExactType> LineFields = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid, ["LineNumber"] = ExactType.Number, ["Item"] = ExactType.Guid, ["ItemCode"] = ExactType.Text,
        ["Quantity"] = ExactType.Number, ["AmountDC"] = ExactType.Number, ["ReceiptDate"] = ExactType.Date,
    };

    public static readonly IReadOnlyDictionary<string, ExactType> AssemblyFields = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid, ["OrderNumber"] = ExactType.Number, ["OrderDate"] = ExactType.Date, ["AssemblyDate"] = ExactType.Date,
        ["FinishedAssemblyDate"] = ExactType.Date, ["Item"] = ExactType.Guid, ["ItemCode"] = ExactType.Text,
        ["PlannedQuantity"] = ExactType.Number, ["OrderStatus"] = ExactType.Number, ["Type"] = ExactType.Number,
        ["Warehouse"] = ExactType.Guid, ["WarehouseCode"] = ExactType.Text,
    };

    private static IEnumerable<string> CombinedSelect =>
        HeaderFields.Keys.Concat(LineFields.Keys).Append("Timestamp").Distinct();

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursorText, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = BuyOrderCursor.Parse(cursorText);

        // Rows of the order at a page's end may continue on the next page: they wait for it.
        var carried = new List<JsonObject>();
        var url = exact.Url("sync/PurchaseOrder/PurchaseOrders", CombinedSelect, $"Timestamp gt {cursor.Rows}L");
        await foreach (var page in exact.PagesAsync(url, ct))
        {
            var rows = carried.Concat(page).ToList();
            if (rows.Count == 0) continue;
            var lastOrder = OrderId(rows[^1]);
            carried = rows.Where(r => OrderId(r) == lastOrder).ToList();
            var complete = rows.Where(r => OrderId(r) != lastOrder).ToList();
            var resumeAt = carried.Select(ExactRecordCheck.Timestamp).Min() is { } first ? first - 1 : cursor.Rows;
            cursor = cursor with { Rows = Math.Max(cursor.Rows, resumeAt) };
            yield return new SourcePage(await OrdersAsync(complete, ct), cursor.ToString());
        }
        if (carried.Count > 0)
        {
            cursor = cursor with { Rows = Math.Max(cursor.Rows, carried.Select(ExactRecordCheck.Timestamp).Max() ?? cursor.Rows) };
            yield return new SourcePage(await OrdersAsync(carried, ct), cursor.ToString());
        }

        var deleted = exact.Url("sync/Deleted", ["EntityKey", "EntityType", "Timestamp"], $"Timestamp gt {cursor.Deleted}L and EntityType eq 22");
        await foreach (var page in exact.PagesAsync(deleted, ct))
        {
            var records = page.Select(d => d["EntityKey"]?.ToString()).OfType<string>().Select(k => SourceRecord.Deletion(k.ToLowerInvariant())).ToList();
            cursor = cursor with { Deleted = Math.Max(cursor.Deleted, page.Select(ExactRecordCheck.Timestamp).Max() ?? 0) };
            yield return new SourcePage(records, cursor.ToString());
        }

        // Regular endpoints page by key, not by date: the date cursor moves only after the last page.
        var from = cursor.Assembly?.AddDays(-AssemblyLookbackDays);
        var assemblyUrl = exact.Url("inventory/AssemblyOrders", AssemblyFields.Keys,
            from is { } f ? $"OrderDate ge datetime'{f:yyyy-MM-dd}T00:00:00'" : null);
        var newest = cursor.Assembly;
        var pages = new List<IReadOnlyList<JsonObject>>();
        await foreach (var page in exact.PagesAsync(assemblyUrl, ct)) pages.Add(page);
        for (var i = 0; i < pages.Count; i++)
        {
            var records = pages[i].Select(Assembly).ToList();
            foreach (var record in records)
                if (ExactJson.Date(record.Data["OrderDate"]) is { } date && (newest is null || DateOnly.FromDateTime(date) > newest))
                    newest = DateOnly.FromDateTime(date);
            yield return new SourcePage(records, i == pages.Count - 1 ? (cursor with { Assembly = newest }).ToString() : null);
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (!Guid.TryParse(sourceId, out var id)) return null;
        var orders = await exact.AllAsync(exact.Url("purchaseorder/PurchaseOrders", HeaderFields.Keys.Append("PurchaseOrderLines"), $"PurchaseOrderID eq guid'{id}'") + "&$expand=PurchaseOrderLines", ct);
        if (orders.FirstOrDefault() is { } order)
        {
            var lines = (order["PurchaseOrderLines"]?["results"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            return PurchaseOrder(order, lines);
        }
        var assemblies = await exact.AllAsync(exact.Url("inventory/AssemblyOrders", AssemblyFields.Keys, $"ID eq guid'{id}'"), ct);
        return assemblies.FirstOrDefault() is { } assembly ? Assembly(assembly) : null;
    }

    private static string OrderId(JsonObject row) => (row["PurchaseOrderID"]?.ToString() ?? row["ID"]?.ToString() ?? "").ToLowerInvariant();

    private async Task<List<SourceRecord>> OrdersAsync(List<JsonObject> rows, CancellationToken ct)
    {
        var records = new List<SourceRecord>();
        foreach (var group in rows.GroupBy(OrderId))
        {
            var header = group.FirstOrDefault(r => ExactJson.Number(r["LineNumber"]) is 0 or null);
            // Exact returns header and lines together; should the header row be missing, read the order whole.
            if (header is null)
            {
                if (await ReadOneAsync(group.Key, ct) is { } whole) records.Add(whole);
                continue;
            }
            records.Add(PurchaseOrder(header, group.Where(r => r != header).ToList()));
        }
        return records;
    }

    private static SourceRecord PurchaseOrder(JsonObject header, List<JsonObject> lineRows)
    {
        var id = OrderId(header);
        var (data, problem) = ExactRecordCheck.Clean(header, HeaderFields, "PurchaseOrderID", "Supplier");
        data["Kind"] = BuyOrderMapping.PurchaseOrder;
        var lines = new JsonArray();
        foreach (var row in lineRows)
        {
            var (line, lineProblem) = ExactRecordCheck.Clean(row, LineFields, "ID", "Item");
            problem ??= lineProblem is null ? null : $"line {ExactJson.Text(row["LineNumber"])}: {lineProblem}";
            lines.Add(line);
        }
        data["Lines"] = lines;
        return problem is null ? new SourceRecord(id, data) : SourceRecord.Malformed(id, problem, data);
    }

    /// <summary>An assembly order as a buy order of its assembled item: one line, whose remote id is the order's.</summary>
    private static SourceRecord Assembly(JsonObject row)
    {
        var id = (row["ID"]?.ToString() ?? "").ToLowerInvariant();
        var (data, problem) = ExactRecordCheck.Clean(row, AssemblyFields, "ID", "Item");
        data["Kind"] = BuyOrderMapping.AssemblyOrder;
        data["ReceiptDate"] = data["AssemblyDate"]?.DeepClone();
        data["Lines"] = new JsonArray(new JsonObject
        {
            ["ID"] = data["ID"]?.DeepClone(), ["LineNumber"] = 1, ["Item"] = data["Item"]?.DeepClone(), ["ItemCode"] = data["ItemCode"]?.DeepClone(),
            ["Quantity"] = data["PlannedQuantity"]?.DeepClone(), ["AmountDC"] = 0, ["ReceiptDate"] = data["AssemblyDate"]?.DeepClone(),
        });
        return problem is null ? new SourceRecord(id, data) : SourceRecord.Malformed(id, problem, data);
    }
}
