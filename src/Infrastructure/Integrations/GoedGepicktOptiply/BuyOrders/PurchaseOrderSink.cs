using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.BuyOrders;

/// <summary>
/// Creates an Optiply buy order in GoedGepickt as a purchase order (reference = the Optiply buy-order id), then writes
/// the GG uuid back to Optiply as the buy order's remote id, which marks it as sent. After a crash between the two,
/// the retry finds the purchase order in GG by its reference and only writes back: never a second purchase order.
/// </summary>
public sealed class PurchaseOrderSink(GoedGepicktClient goedGepickt, OptiplyClient optiply) : ITargetSink
{
    public async Task<string?> FindAsync(string sourceId, CancellationToken ct)
    {
        await foreach (var page in goedGepickt.PagesAsync("purchaseorders", [], ct))
            if (page.Items.FirstOrDefault(o => o["reference"]?.ToString() == sourceId) is { } found)
                return found["uuid"]?.ToString();
        return null;
    }

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct)
    {
        var body = new JsonObject();
        foreach (var (name, value) in payload)
            if (value is not null) body[name] = value.DeepClone();
        var answer = await goedGepickt.PostAsync("purchaseorders", body, ct);
        var uuid = answer["purchaseOrderUuid"]?.ToString()
                   ?? throw new SyncProblem("GoedGepickt answered the new purchase order without its uuid.", response: answer.ToJsonString());
        return await WriteBackAsync(sourceId, uuid, ct);
    }

    /// <summary>GG has it already (a retry after a crash, or created before its link was saved): only the write-back is left.</summary>
    public Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) =>
        WriteBackAsync(sourceId, targetId, ct);

    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) =>
        Task.FromResult<string?>("Purchase orders in GoedGepickt are left alone when their buy order goes away in Optiply.");

    private async Task<TargetWrite> WriteBackAsync(string optiplyId, string purchaseOrderUuid, CancellationToken ct)
    {
        var marked = await optiply.UpdateAsync("buyOrders", optiplyId, new JsonObject { ["remoteId"] = purchaseOrderUuid }, ct)
                     ?? throw new SyncProblem($"The buy order was created in GoedGepickt as purchase order {purchaseOrderUuid}, but it is gone from Optiply, so the GoedGepickt id could not be written back.");
        return new TargetWrite(purchaseOrderUuid, marked.Raw);
    }
}
