using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrdersToExact;

/// <summary>
/// Open Optiply buy orders that this coupling did not write (no remote id of its own): the orders made in Optiply
/// that Exact does not have yet. Each comes with its supplier (name, delivery time, Exact account), and its lines
/// with SKU, Exact item and lot size. Once sent, an order carries Exact's id as its remote id and is not read again.
/// </summary>
public sealed class OptiplyNewBuyOrdersStream(OptiplyClient optiply, FlowContext context) : ISourceStream
{
    private readonly ConcurrentDictionary<string, Lazy<Task<OptiplyResource?>>> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Dictionary<string, string>>>> _reverse = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        // Without a cursor: every run asks Optiply for what is still unsent, which is the minimum to read.
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
        // Sent already (it has this coupling's remote id) or gone: nothing to send.
        if (order is null || order.RemoteId(optiply.Account.CouplingId) is not null) return null;
        return await RecordAsync(order, ct);
    }

    private async Task<SourceRecord> RecordAsync(OptiplyResource order, CancellationToken ct)
    {
        var data = (JsonObject)order.Attributes.DeepClone();
        data["id"] = order.Id;
        var supplierId = data["supplierId"]?.ToString();
        var supplier = supplierId is null ? null : await CachedAsync("suppliers", supplierId, ct);
        data["SupplierName"] = supplier?.Attributes["name"]?.DeepClone();
        data["DeliveryTime"] = supplier?.Attributes["deliveryTime"]?.DeepClone();
        data["ExactSupplierId"] = supplier is null ? null : await ExactIdAsync("supplier", supplier, ct);

        var lines = new JsonArray();
        await foreach (var line in optiply.ReadAllAsync("buyOrderLines", [("filter[buyOrderId]", order.Id), ("sort", "id")], ct))
        {
            var productId = line.Attributes["productId"]?.ToString();
            var product = productId is null ? null : await CachedAsync("products", productId, ct);
            lines.Add(new JsonObject
            {
                ["id"] = line.Id,
                ["productId"] = productId,
                ["quantity"] = line.Attributes["quantity"]?.DeepClone(),
                ["SkuCode"] = product?.Attributes["skuCode"]?.DeepClone(),
                ["ExactItemId"] = product is null ? null : await ExactIdAsync("product", product, ct),
                ["LotSize"] = productId is null || supplierId is null ? null : await LotSizeAsync(productId, supplierId, ct),
            });
        }
        data["Lines"] = lines;
        return new SourceRecord(order.Id, data);
    }

    /// <summary>The Exact id behind an Optiply record: the hub's link, else the remote id this coupling wrote on it.</summary>
    private async Task<string?> ExactIdAsync(string entity, OptiplyResource resource, CancellationToken ct)
    {
        var reverse = await _reverse.GetOrAdd(entity, e => new Lazy<Task<Dictionary<string, string>>>(async () =>
        {
            var byTarget = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (source, target) in await context.Links.AllAsync(e, ct)) byTarget.TryAdd(target, source);
            return byTarget;
        })).Value;
        return reverse.GetValueOrDefault(resource.Id) ?? resource.RemoteId(optiply.Account.CouplingId);
    }

    private async Task<int?> LotSizeAsync(string productId, string supplierId, CancellationToken ct)
    {
        var page = await optiply.ListAsync("supplierProducts", [("filter[productId]", productId), ("filter[supplierId]", supplierId)], limit: 1, ct);
        return page.Data.FirstOrDefault()?.Attributes["lotSize"] is JsonValue v && v.TryGetValue<int>(out var lot) ? lot : null;
    }

    private Task<OptiplyResource?> CachedAsync(string type, string id, CancellationToken ct) =>
        _cache.GetOrAdd($"{type}/{id}", _ => new Lazy<Task<OptiplyResource?>>(() => optiply.GetAsync(type, id, ct))).Value;
}
