using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrders;

/// <summary>
/// Adds what the buy-order rules need from outside the order: the Optiply ids of its supplier and products (from
/// what the suppliers and products flows linked), the supplier named after an assembly order's warehouse code,
/// and the warehouse Exact marks as main. A deleted order this hub wrote gets the date it was placed, read back
/// from Optiply, so the deletion rule can tell whether it is old enough to be left alone.
/// </summary>
public sealed class BuyOrderReferences(ISourceStream orders, FlowContext context, ExactOnlineClient exact, OptiplyClient optiply, bool needsMainWarehouse) : ISourceStream
{
    public const string OrderEntity = "buy-order";
    public const string LineEntity = "buy-order-line";

    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _suppliersByName = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in orders.ReadAsync(cursor, ct))
        {
            var records = new List<SourceRecord>(page.Records.Count);
            foreach (var record in page.Records) records.Add(await EnrichAsync(record, ct));
            yield return page with { Records = records };
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) =>
        await EnrichAsync(await orders.ReadOneAsync(sourceId, ct) ?? SourceRecord.Deletion(sourceId), ct);

    private async Task<SourceRecord> EnrichAsync(SourceRecord record, CancellationToken ct)
    {
        if (record.Deleted) return await DeletionAsync(record, ct);
        if (record.Problem is not null) return record;
        var data = (JsonObject)record.Data.DeepClone();
        var suppliers = await context.Links.AllAsync("supplier", ct);
        var products = await context.Links.AllAsync("product", ct);
        data["SupplierOptiplyId"] = ExactJson.Text(data["Kind"]) == BuyOrderMapping.AssemblyOrder
            ? await SupplierNamedAsync(ExactJson.Text(data["WarehouseCode"])?.Trim(), ct)
            : ExactJson.Guid(data["Supplier"]) is { } supplier ? suppliers.GetValueOrDefault(supplier.ToString()) : null;
        foreach (var line in (data["Lines"] as JsonArray ?? []).OfType<JsonObject>())
            line["ProductOptiplyId"] = ExactJson.Guid(line["Item"]) is { } item ? products.GetValueOrDefault(item.ToString()) : null;
        if (needsMainWarehouse) data["MainWarehouse"] = await exact.Warehouses.MainIdAsync(ct);
        data["SentFromOptiply"] = await SentFromOptiplyAsync(record.Id, data, ct);
        return record with { Data = data };
    }

    /// <summary>
    /// The Optiply buy order an unlinked purchase order was created from, when the buy-orders-to-exact flow posted
    /// it (Source 11, REST API; OrderNumber = Optiply's id) but has not written Exact's id back yet. Importing it
    /// now would make a second buy order of it; it waits for the write-back, which links the two.
    /// </summary>
    private async Task<string?> SentFromOptiplyAsync(string id, JsonObject data, CancellationToken ct)
    {
        if (ExactJson.Text(data["Kind"]) != BuyOrderMapping.PurchaseOrder || ExactJson.Number(data["Source"]) != 11) return null;
        if (await context.Links.TargetIdAsync(OrderEntity, id, ct) is not null) return null;
        if (ExactJson.Number(data["OrderNumber"]) is not { } number) return null;
        var candidate = await optiply.GetAsync("buyOrders", ((long)number).ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        if (candidate is null || candidate.RemoteId(optiply.Account.CouplingId) is not null) return null;
        return candidate.Attributes["supplierId"]?.ToString() == ExactJson.Text(data["SupplierOptiplyId"]) ? candidate.Id : null;
    }

    /// <summary>A deletion of an order this hub linked becomes a record with the date it was placed; others stay deletions (nothing to do).</summary>
    private async Task<SourceRecord> DeletionAsync(SourceRecord record, CancellationToken ct)
    {
        if (await context.Links.TargetIdAsync(OrderEntity, record.Id, ct) is not { } target) return record;
        var order = await optiply.GetAsync("buyOrders", target, ct);
        if (order is null) return record;
        // Optiply keeps UTC; the deletion rule compares the day the order was placed in Exact, a Dutch date.
        var placed = ExactJson.Date(order.Attributes["placed"]) is { } utc
            ? ExactDate.DutchDay(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return new SourceRecord(record.Id, new JsonObject { ["DeletedInExact"] = true, ["OrderDate"] = placed });
    }

    private async Task<string?> SupplierNamedAsync(string? name, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(name)) return null;
        return await _suppliersByName.GetOrAdd(name, n => new Lazy<Task<string?>>(async () =>
        {
            var page = await optiply.ListAsync("suppliers", [("filter[name]", n), ("sort", "id")], limit: 10, ct);
            // A supplier set to "ignored" (deleted in Exact) does not count.
            return page.Data.FirstOrDefault(s => s.Attributes["ignored"]?.GetValue<bool>() != true)?.Id;
        })).Value;
    }
}
