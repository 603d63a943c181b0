using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Receipts;

/// <summary>
/// Reports received goods on the Optiply buy-order lines (matched by SKU): only the increase over the receipt lines
/// Optiply already holds for the line, so re-reading a purchase order, a retry or a crash never counts goods twice.
/// A purchase order completed in GoedGepickt completes the Optiply buy order.
/// </summary>
public sealed class ReceiptSink(OptiplyClient optiply, TimeProvider clock) : ITargetSink
{
    public Task<string?> FindAsync(string sourceId, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct) => WriteAsync(payload, ct);

    public Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct) => WriteAsync(payload, ct);

    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) =>
        Task.FromResult<string?>("Receipts are not removed from Optiply.");

    private async Task<TargetWrite> WriteAsync(JsonObject payload, CancellationToken ct)
    {
        var buyOrderId = payload["buyOrderId"]?.ToString() ?? throw new SyncProblem("This purchase order has no Optiply buy order to report receipts on.");
        var order = await optiply.GetAsync("buyOrders", buyOrderId, ct)
                    ?? throw new SyncProblem($"Optiply buy order {buyOrderId} no longer exists, so the goods received could not be reported.");
        var lines = await LinesBySkuAsync(buyOrderId, ct);
        var now = GgJson.Utc(clock.GetUtcNow());
        var notes = new List<string>();
        foreach (var received in (payload["received"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var sku = received["sku"]?.ToString() ?? "";
            if (!lines.TryGetValue(sku, out var lineId))
            {
                notes.Add($"SKU {sku} is not on the Optiply buy order.");
                continue;
            }
            var quantity = GgJson.Int(received["receivedQuantity"]) ?? 0;
            var increase = PurchaseOrderReceipts.Increase(quantity, await ReportedAsync(lineId, ct));
            if (increase == 0) continue;
            await optiply.CreateAsync("receiptLines", new JsonObject
            {
                ["buyOrderLineId"] = Numeric(lineId), ["quantity"] = increase, ["occurred"] = now,
                // Unique per line and level: the same receipt level is never posted twice under another id.
                ["remoteId"] = $"{received["lineUuid"]}:{quantity}",
            }, ct);
            notes.Add($"{increase} x {sku} received.");
        }
        if (payload["completed"] is JsonValue done && done.TryGetValue<bool>(out var completed) && completed && order.Attributes["completed"] is null)
        {
            await optiply.UpdateAsync("buyOrders", buyOrderId, new JsonObject { ["completed"] = now }, ct);
            notes.Add("Buy order completed.");
        }
        return new TargetWrite(buyOrderId, notes.Count == 0 ? "Nothing new to report." : string.Join(" ", notes));
    }

    private async Task<Dictionary<string, string>> LinesBySkuAsync(string buyOrderId, CancellationToken ct)
    {
        var bySku = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var line in optiply.ReadAllAsync("buyOrderLines", [("filter[buyOrderId]", buyOrderId), ("sort", "id")], ct))
        {
            if (line.Attributes["productId"]?.ToString() is not { } productId) continue;
            var sku = (await optiply.GetAsync("products", productId, ct))?.Attributes["skuCode"]?.ToString();
            if (sku is not null) bySku.TryAdd(sku, line.Id);
        }
        return bySku;
    }

    private async Task<int> ReportedAsync(string lineId, CancellationToken ct)
    {
        var total = 0;
        await foreach (var receipt in optiply.ReadAllAsync("receiptLines", [("filter[buyOrderLineId]", lineId)], ct))
            total += GgJson.Int(receipt.Attributes["quantity"]) ?? 0;
        return total;
    }

    private static JsonNode Numeric(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : id;
}
