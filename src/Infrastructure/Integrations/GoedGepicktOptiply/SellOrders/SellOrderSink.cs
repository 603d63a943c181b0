using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Products;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.SellOrders;

/// <summary>
/// Writes a sale in one POST with its lines nested. Each line's GoedGepickt product becomes the Optiply product the
/// products flow linked; a product Optiply does not have yet fails the whole order (a sale without some of its
/// lines would undercount), and the order is tried again on the next run.
/// </summary>
public sealed class SellOrderSink(OptiplySink orders, LinkLookup links) : ITargetSink
{
    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => orders.FindAsync(sourceId, ct);

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) =>
        await orders.CreateAsync(sourceId, await WithProductsAsync(payload, ct), ct);

    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) =>
        await orders.UpdateAsync(targetId, sourceId, await WithProductsAsync(payload, ct), ct);

    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) => orders.DeleteAsync(targetId, ct);

    private async Task<JsonObject> WithProductsAsync(JsonObject payload, CancellationToken ct)
    {
        if (payload["orderLines"] is not JsonArray lines) return payload;
        var products = await links.AllAsync(ProductsFlow.Entity, ct);
        var resolved = new JsonArray();
        var unknown = new List<string>();
        foreach (var line in lines.OfType<JsonObject>())
        {
            var uuid = line["productUuid"]?.ToString()?.ToLowerInvariant();
            if (uuid is null || !products.TryGetValue(uuid, out var productId))
            {
                unknown.Add(line["sku"]?.ToString() ?? uuid ?? "(no product)");
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
            throw new SyncProblem($"Product {string.Join(", ", unknown)} of this order is not in Optiply yet (the products sync has not sent it, or it is ignored for Optiply). The order is sent again on the next run.");
        var result = (JsonObject)payload.DeepClone();
        result["orderLines"] = resolved;
        return result;
    }
}
