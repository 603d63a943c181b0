using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;

/// <summary>
/// Writes an order as one ERP order document. The flow is create-only: an imported order is never written again, and
/// the document's externalId (<c>&lt;webshop key&gt;:&lt;order id&gt;</c>) finds one written before a crash.
/// </summary>
internal sealed class OrderDocumentSink(OkosOrderWriter writer, string webshopKey) : ITargetSink
{
    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => writer.FindAsync($"{webshopKey}:{sourceId}", ct);

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct)
    {
        var (id, number) = await writer.WriteAsync(OrderJson.Read(payload), ct);
        return new TargetWrite(id, number is null ? "The document existed already." : $"Order document {number}.");
    }

    // Reached only for a document found by its externalId (written by a run that stopped before linking it): kept as it is.
    public Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) =>
        Task.FromResult(new TargetWrite(targetId, "The document was written by an earlier run; linked, not written again."));

    // Orders are never removed from the ERP by the hub: a document may have been invoiced already.
    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) => Task.FromResult<string?>(null);
}
