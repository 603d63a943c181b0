using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.BuyOrders;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Receipts;

/// <summary>
/// The GoedGepickt purchase orders the hub created from Optiply buy orders, each with the Optiply buy-order id it
/// came from. Purchase orders made in GG itself have no Optiply buy order and are not read.
/// </summary>
public sealed class PurchaseOrdersStream(GoedGepicktClient client, LinkLookup links) : ISourceStream
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var byUuid = await SentAsync(ct);
        if (byUuid.Count == 0) yield break;
        await foreach (var page in client.PagesAsync("purchaseorders", [], ct))
        {
            var records = page.Items.Select(o => With(o, byUuid)).OfType<SourceRecord>().ToList();
            yield return new SourcePage(records, null);
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) =>
        await client.GetAsync($"purchaseorders/{Uri.EscapeDataString(sourceId)}", ct) is { } order ? With(order, await SentAsync(ct)) : null;

    private static SourceRecord? With(JsonObject order, IReadOnlyDictionary<string, string> byUuid)
    {
        var uuid = order["uuid"]?.ToString()?.ToLowerInvariant();
        if (uuid is null || !byUuid.TryGetValue(uuid, out var buyOrderId)) return null;
        var data = (JsonObject)order.DeepClone();
        data["OptiplyBuyOrderId"] = buyOrderId;
        return new SourceRecord(uuid, data);
    }

    /// <summary>GG purchase-order uuid -> Optiply buy-order id, from the buy-orders flow's links.</summary>
    private async Task<IReadOnlyDictionary<string, string>> SentAsync(CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (optiplyId, uuid) in await links.AllAsync(BuyOrdersFlow.Entity, ct)) result[uuid.ToLowerInvariant()] = optiplyId;
        return result;
    }
}
