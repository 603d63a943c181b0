using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;

/// <summary>
/// Writes an order as one ERP order document. The flow is create-only: an imported order is never written again, and
/// the document's externalId (<c>&lt;webshop key&gt;:&lt;order id&gt;</c>) finds one written before a crash.
/// </summary>
internal sealed class OrderDocumentSink(OkosOrderWriter writer) : ITargetSink
{
    // No lookup before each new order: the ERP answers a second POST of the same externalId with the document written
    // before (409 with its id), so a document a crashed run wrote is found by the write itself, one call per order less.
    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => Task.FromResult<string?>(null);

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct)
    {
        var (id, number) = await writer.WriteAsync(OrderJson.Read(payload), ct);
        return new TargetWrite(id, number is null ? "The document existed already." : $"Order document {number}.");
    }

    // Reached only by a forced resync of an imported order: an order is never imported twice, so the document stays.
    public Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) =>
        Task.FromResult(new TargetWrite(targetId, "The document was written by an earlier run; linked, not written again."));

    // Orders are never removed from the ERP by the hub: a document may have been invoiced already.
    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) => Task.FromResult<string?>(null);
}
