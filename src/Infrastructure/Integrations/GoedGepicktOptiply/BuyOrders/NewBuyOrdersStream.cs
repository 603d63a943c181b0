using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Suppliers;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.BuyOrders;

/// <summary>
/// Open Optiply buy orders that carry no remote id of this coupling yet: made in Optiply, not in GoedGepickt yet.
/// Each comes with its lines (product id, quantity, SKU) and the GG uuid of its supplier. Once sent, the order
/// carries the GG purchase order's uuid as its remote id and is not read again.
/// </summary>
public sealed class NewBuyOrdersStream(OptiplyClient optiply, LinkLookup links) : ISourceStream
{
    private readonly ConcurrentDictionary<string, Lazy<Task<OptiplyResource?>>> _products = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var query = new List<(string, string)> { ("filter[remoteId]", "null"), ("filter[completed]", "null"), ("sort", "id") };
        for (var page = await optiply.ListAsync("buyOrders", query, ct: ct); page is not null; page = await optiply.NextAsync(page, "buyOrders", ct))
        {
            var records = new List<SourceRecord>();
            foreach (var order in page.Data) records.Add(await RecordAsync(order, ct));
            yield return new SourcePage(records, null);
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        var order = await optiply.GetAsync("buyOrders", sourceId, ct);
        return order is null || order.RemoteId(optiply.Account.CouplingId) is not null ? null : await RecordAsync(order, ct);
    }

    private async Task<SourceRecord> RecordAsync(OptiplyResource order, CancellationToken ct)
    {
        var data = (JsonObject)order.Attributes.DeepClone();
        data["id"] = order.Id;
        data["GgSupplierUuid"] = data["supplierId"]?.ToString() is { } supplierId ? await SupplierUuidAsync(supplierId, ct) : null;
        var lines = new JsonArray();
        await foreach (var line in optiply.ReadAllAsync("buyOrderLines", [("filter[buyOrderId]", order.Id), ("sort", "id")], ct))
        {
            var productId = line.Attributes["productId"]?.ToString();
            var product = productId is null ? null : await ProductAsync(productId, ct);
            lines.Add(new JsonObject
            {
                ["id"] = line.Id,
                ["productId"] = productId,
                ["quantity"] = line.Attributes["quantity"]?.DeepClone(),
                ["SkuCode"] = product?.Attributes["skuCode"]?.DeepClone(),
            });
        }
        data["Lines"] = lines;
        return new SourceRecord(order.Id, data);
    }

    /// <summary>The GG supplier behind an Optiply supplier: the suppliers flow's link, read backwards.</summary>
    private async Task<string?> SupplierUuidAsync(string optiplySupplierId, CancellationToken ct) =>
        (await links.AllAsync(SuppliersFlow.Entity, ct)).FirstOrDefault(l => l.Value == optiplySupplierId).Key;

    private Task<OptiplyResource?> ProductAsync(string id, CancellationToken ct) =>
        _products.GetOrAdd(id, _ => new Lazy<Task<OptiplyResource?>>(() => optiply.GetAsync("products", id, ct))).Value;
}
