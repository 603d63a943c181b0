using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Stocks;

/// <summary>
/// Writes the three stock fields of a product's existing Planfix entry and nothing else. Its links ("stock") are
/// its own, so its payload hashes never make the products flow think a product changed.
/// </summary>
public sealed class EntryStockSink(PlanfixProductDirectory directory, LinkLookup links) : ITargetSink
{
    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => links.TargetIdAsync(ProductsFlow.Entity, sourceId, ct);

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) =>
        await UpdateAsync(await FindAsync(sourceId, ct) ?? throw new SyncProblem("This product has no Planfix directory entry yet."), sourceId, payload, ct);

    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct)
    {
        if (!await directory.UpdateAsync(targetId, await directory.EntryAsync(payload, ct), ct))
            throw new SyncProblem($"The Planfix directory entry {targetId} of this product was deleted in Planfix; the next products reconciliation creates it again.");
        return new TargetWrite(targetId);
    }

    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) => Task.FromResult<string?>(null);
}
