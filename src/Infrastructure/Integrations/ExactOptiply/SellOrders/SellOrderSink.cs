using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.SellOrders;

/// <summary>
/// Writes sell orders in one POST with their lines nested (Optiply's "orderLines"). Optiply's remoteId is the
/// Exact key the seed names (OrderID, InvoiceID, ID), i.e. the record id without its source prefix. Each
/// line's Exact item becomes the Optiply product the products flow linked; an item Optiply does not have yet
/// fails the whole order (an order without some of its lines would undercount sales), and the order is
/// tried again on the next run.
/// </summary>
public sealed class SellOrderSink(OptiplySink orders, LinkLookup links) : ITargetSink
{
    /// <summary>The links the products flow keeps: Exact item id to Optiply product id.</summary>
    public static string ProductEntity => ProductsFlow.Definition.Entity;

    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => orders.FindAsync(SellOrderSource.ExactId(sourceId), ct);

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) =>
        await orders.CreateAsync(SellOrderSource.ExactId(sourceId), await WithProductsAsync(payload, ct), ct);

    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) =>
        await orders.UpdateAsync(targetId, SellOrderSource.ExactId(sourceId), await WithProductsAsync(payload, ct), ct);

    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) => orders.DeleteAsync(targetId, ct);

    private async Task<JsonObject> WithProductsAsync(JsonObject payload, CancellationToken ct)
    {
        if (payload["orderLines"] is not JsonArray lines) return payload;
        var products = await links.AllAsync(ProductEntity, ct);
        var resolved = new JsonArray();
        var unknown = new List<string>();
        foreach (var line in lines.OfType<JsonObject>())
        {
            var item = line["productRemoteId"]?.ToString()?.ToLowerInvariant();
            if (item is null || !products.TryGetValue(item, out var productId))
            {
                unknown.Add(line["optiplyWebshopProductArticleCode"]?.ToString() ?? item ?? "(no item)");
                continue;
            }
            resolved.Add(new JsonObject
            {
                ["productId"] = long.TryParse(productId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : productId,
                ["quantity"] = line["quantity"]?.DeepClone(),
                ["subtotalValue"] = line["subtotalValue"]?.DeepClone(),
            });
        }
        if (unknown.Count > 0)
            throw new SyncProblem(
                $"Item {string.Join(", ", unknown)} of this order is not in Optiply yet (the products sync has not sent it, or left it out). " +
                "The order is sent again on the next run.");
        var result = (JsonObject)payload.DeepClone();
        result["orderLines"] = resolved;
        return result;
    }
}
