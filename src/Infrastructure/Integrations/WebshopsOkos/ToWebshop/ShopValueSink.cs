using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>
/// Writes one value (see <see cref="ShopValue"/>) to the webshop product with the record's code. The hub never creates or
/// removes shop products here: a product is always found (an update) or the record fails.
/// </summary>
internal sealed class ShopValueSink(WebshopProducts shop, ShopValue value) : ITargetSink
{
    public async Task<string?> FindAsync(string sourceId, CancellationToken ct) => (await shop.ProductAsync(sourceId, ct))?.Id;

    public Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) =>
        throw new SyncProblem($"The webshop has no product with the code {sourceId}; the hub does not create products in the shop.");

    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct)
    {
        var product = await shop.ProductAsync(sourceId, ct)
                      ?? throw new SyncProblem($"The webshop no longer has a product with the code {sourceId}.");
        var number = ShopValueRules.Number(payload[value.Field])
                     ?? throw new SyncProblem($"The mapped {value.Words} is not a number; check this flow's mapping.");
        return new TargetWrite(product.Id, await value.WriteAsync(shop, product, number, ct));
    }

    // Nothing is removed from a webshop by these flows.
    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) => Task.FromResult<string?>(null);
}
