using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;

/// <summary>
/// Writes products as entries of the Planfix product directory. An unlinked product is looked up by its external
/// code first (an earlier run may have created it and stopped before linking); deleting marks the entry archived,
/// so a product deleted in MoySklad is marked, not lost.
/// </summary>
public sealed class ProductEntrySink(PlanfixProductDirectory directory, ConcurrentDictionary<string, string> externalCodes) : ITargetSink
{
    public async Task<string?> FindAsync(string sourceId, CancellationToken ct) =>
        externalCodes.TryGetValue(sourceId, out var code) ? await directory.FindByExternalCodeAsync(code, ct) : null;

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) =>
        new(await directory.CreateAsync(payload, ct));

    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct)
    {
        // An entry deleted in Planfix is created again rather than left missing.
        return await directory.UpdateAsync(targetId, await directory.EntryAsync(payload, ct), ct)
            ? new TargetWrite(targetId)
            : new TargetWrite(await directory.CreateAsync(payload, ct));
    }

    public async Task<string?> DeleteAsync(string targetId, CancellationToken ct)
    {
        await directory.UpdateAsync(targetId, new JsonObject { ["archived"] = true }, ct);
        return $"Planfix directory entry {targetId} marked archived.";
    }
}
