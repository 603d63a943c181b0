using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.Stocks;

/// <summary>
/// Writes an item's stock level to the Optiply product the products flow created for it: a PATCH of stockLevel only,
/// so the product's other fields and its remote id stay as the products flow wrote them.
/// </summary>
public sealed class ProductStockSink(OptiplyClient client, LinkLookup links) : ITargetSink
{
    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => links.TargetIdAsync("product", sourceId, ct);

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) =>
        await PatchAsync(await links.TargetIdAsync("product", sourceId, ct)
                         ?? throw new SyncProblem("This item is not in Optiply yet, so its stock has no product to go to. It is tried again on the next run."), payload, ct);

    // The product's own link wins over the stock link: the products flow may have created the product anew.
    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) =>
        await PatchAsync(await links.TargetIdAsync("product", sourceId, ct) ?? targetId, payload, ct);

    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) =>
        Task.FromResult<string?>("Stock is not deleted in Optiply; the products flow handles items deleted in Exact.");

    private async Task<TargetWrite> PatchAsync(string productId, JsonObject payload, CancellationToken ct)
    {
        var updated = await client.UpdateAsync("products", productId, payload, ct)
                      ?? throw new SyncProblem($"Optiply product {productId} no longer exists, so its stock could not be set. The products flow creates it again; the stock follows on a later run.");
        return new TargetWrite(updated.Id, updated.Raw);
    }
}
