using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Products;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Stocks;

/// <summary>
/// PATCHes only stockLevel of the Optiply product the products flow linked, so the product's other fields stay as
/// that flow wrote them. A product not in Optiply yet is skipped by the flow's rules before it gets here.
/// </summary>
public sealed class StockSink(OptiplyClient client, LinkLookup links) : ITargetSink
{
    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => links.TargetIdAsync(ProductsFlow.Entity, sourceId, ct);

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) =>
        await PatchAsync(await ProductAsync(sourceId, ct), payload, ct);

    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) =>
        await PatchAsync(await links.TargetIdAsync(ProductsFlow.Entity, sourceId, ct) ?? targetId, payload, ct);

    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) =>
        Task.FromResult<string?>("Stock is not deleted in Optiply; the nightly products run handles deleted products.");

    private async Task<string> ProductAsync(string sourceId, CancellationToken ct) =>
        await links.TargetIdAsync(ProductsFlow.Entity, sourceId, ct)
        ?? throw new SyncProblem("This product is not in Optiply yet; the nightly products run creates it with its stock.");

    private async Task<TargetWrite> PatchAsync(string productId, JsonObject payload, CancellationToken ct)
    {
        var updated = await client.UpdateAsync("products", productId, payload, ct)
                      ?? throw new SyncProblem($"Optiply product {productId} no longer exists; the nightly products run creates it again with its stock.");
        return new TargetWrite(updated.Id, updated.Raw);
    }
}
