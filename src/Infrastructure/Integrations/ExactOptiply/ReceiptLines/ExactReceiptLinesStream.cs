using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.ReceiptLines;

/// <summary>
/// Goods receipt lines (changed since the cursor, by Modified) and completed assembly orders (by OrderDate,
/// re-reading 120 days back as Optiply's own Exact reader does, because an order completes well after it is
/// placed and the endpoint has no change marker). Both are regular endpoints, paged by key rather than by
/// time, so the cursor moves only with the last page of each: a run stopped halfway re-reads, never skips.
/// </summary>
public sealed class ExactReceiptLinesStream(ExactOnlineClient exact, WarehouseSettings warehouses) : ISourceStream
{
    public static readonly TimeSpan AssemblyLookBack = TimeSpan.FromDays(120);

    public static readonly IReadOnlyDictionary<string, ExactType> ReceiptFields = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["GoodsReceiptID"] = ExactType.Guid,
        ["PurchaseOrderID"] = ExactType.Guid,
        ["PurchaseOrderLineID"] = ExactType.Guid,
        ["PurchaseOrderNumber"] = ExactType.Number,
        ["Item"] = ExactType.Guid,
        ["ItemCode"] = ExactType.Text,
        ["QuantityReceived"] = ExactType.Number,
        ["LineNumber"] = ExactType.Number,
        ["Created"] = ExactType.Date,
        ["Modified"] = ExactType.Date,
    };

    public static readonly IReadOnlyDictionary<string, ExactType> AssemblyFields = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["OrderNumber"] = ExactType.Number,
        ["OrderDate"] = ExactType.Date,
        ["FinishedAssemblyDate"] = ExactType.Date,
        ["Item"] = ExactType.Guid,
        ["ItemCode"] = ExactType.Text,
        ["PlannedQuantity"] = ExactType.Number,
        ["FinishedQuantity"] = ExactType.Number,
        ["OrderStatus"] = ExactType.Number,
        ["Type"] = ExactType.Number,
        ["Warehouse"] = ExactType.Guid,
        ["WarehouseCode"] = ExactType.Text,
    };


    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursorText, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = ExactReceiptCursor.Parse(cursorText);

        // "ge", not "gt": a receipt saved in the same second as the last one read is read again rather than missed.
        var receiptFilter = cursor.Receipts is { } since ? $"Modified ge datetime'{ExactReceiptCursor.Literal(since)}'" : null;
        var newest = cursor.Receipts;
        List<JsonObject>? held = null;
        await foreach (var page in exact.PagesAsync(exact.Url("purchaseorder/GoodsReceiptLines", ReceiptFields.Keys, receiptFilter), ct))
        {
            if (held is not null) yield return new SourcePage(await ReceiptsAsync(held, ct), null);
            held = [.. page];
            newest = Max(newest, page.Select(r => WallClock(r["Modified"])));
        }
        if (held is not null)
        {
            cursor = cursor with { Receipts = newest };
            yield return new SourcePage(await ReceiptsAsync(held, ct), cursor.ToString());
        }

        var assemblyFilter = "OrderStatus eq 50" + (cursor.Assembly is { } last
            ? $" and OrderDate ge datetime'{ExactReceiptCursor.Literal(last - AssemblyLookBack)}'"
            : "");
        var latest = cursor.Assembly;
        held = null;
        await foreach (var page in exact.PagesAsync(exact.Url("inventory/AssemblyOrders", AssemblyFields.Keys, assemblyFilter), ct))
        {
            if (held is not null) yield return new SourcePage(await AssemblyAsync(held, ct), null);
            held = [.. page];
            latest = Max(latest, page.Select(r => WallClock(r["OrderDate"])));
        }
        if (held is not null)
        {
            cursor = cursor with { Assembly = latest };
            yield return new SourcePage(await AssemblyAsync(held, ct), cursor.ToString());
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        var colon = sourceId.IndexOf(':');
        if (colon < 0 || !Guid.TryParse(sourceId[(colon + 1)..], out var id)) return null;
        var records = sourceId.StartsWith(ReceiptLineSource.AssemblyOrderPrefix, StringComparison.Ordinal)
            ? await AssemblyAsync(await exact.AllAsync(exact.Url("inventory/AssemblyOrders", AssemblyFields.Keys, $"ID eq guid'{id}'"), ct), ct)
            : await ReceiptsAsync(await exact.AllAsync(exact.Url("purchaseorder/GoodsReceiptLines", ReceiptFields.Keys, $"ID eq guid'{id}'"), ct), ct);
        return records.FirstOrDefault();
    }

    private async Task<List<SourceRecord>> ReceiptsAsync(IReadOnlyList<JsonObject> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var main = await MainWarehouseAsync(ct);
        // A receipt line names no warehouse: its purchase order does.
        var orders = warehouses.Mode == WarehouseMode.All
            ? null
            : await exact.RowsByAsync("purchaseorder/PurchaseOrders", ["PurchaseOrderID", "Warehouse"], "PurchaseOrderID",
                rows.Select(r => r["PurchaseOrderID"]?.ToString()).OfType<string>(), ct);
        return rows.Select(row =>
        {
            var record = Record(ReceiptLineSource.GoodsReceipt, row, ReceiptFields, ["ID", "PurchaseOrderLineID", "Created"], main);
            var order = orders?[row["PurchaseOrderID"]?.ToString()?.ToLowerInvariant() ?? ""].FirstOrDefault();
            if (order?["Warehouse"]?.ToString() is { } warehouse) record.Data["PurchaseOrderWarehouse"] = warehouse.ToLowerInvariant();
            return record;
        }).ToList();
    }

    private async Task<List<SourceRecord>> AssemblyAsync(IReadOnlyList<JsonObject> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var main = await MainWarehouseAsync(ct);
        return rows.Select(r => Record(ReceiptLineSource.AssemblyOrder, r, AssemblyFields, ["ID", "Item"], main)).ToList();
    }

    private static SourceRecord Record(string source, JsonObject row, IReadOnlyDictionary<string, ExactType> fields, string[] required, string? main)
    {
        var (data, problem) = ExactRecordCheck.Clean(row, fields, required);
        data["Source"] = source;
        if (main is not null) data["MainWarehouse"] = main;
        var id = ReceiptLineSource.RecordId(source, row["ID"]?.ToString() ?? "(no id)");
        return problem is null ? new SourceRecord(id, data) : SourceRecord.Malformed(id, problem, data);
    }


    /// <summary>The Dutch wall-clock time of an Exact date, to the second (what a datetime'..' filter compares).</summary>
    private static DateTime? WallClock(JsonNode? value)
    {
        if (!ExactDate.TryParseMilliseconds(value?.ToString(), out var ms)) return null;
        var at = DateTime.UnixEpoch.AddMilliseconds(ms);
        return new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, DateTimeKind.Unspecified);
    }

    private static DateTime? Max(DateTime? current, IEnumerable<DateTime?> values)
    {
        foreach (var v in values)
            if (v is not null && (current is null || v > current)) current = v;
        return current;
    }

    /// <summary>The main warehouse's id when the filter follows Exact's flag (read once per run by the client), else null.</summary>
    private async Task<string?> MainWarehouseAsync(CancellationToken ct) =>
        warehouses.FollowsExactMain ? await exact.Warehouses.MainIdAsync(ct) : null;
}
