using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrders;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrdersToExact;

/// <summary>
/// Creates an Optiply buy order in Exact as a purchase order, then writes Exact's ids back to Optiply (the order's
/// and each line's remote id) and links them as "buy-order"/"buy-order-line", so the buy-orders flow updates this
/// order instead of importing it again and receipts find its lines. Exact's OrderNumber is Optiply's buy-order id:
/// after a crash between the POST and the write-back, the retry finds the order in Exact by it and does not post twice.
/// </summary>
public sealed class ExactPurchaseOrderSink(ExactOnlineClient exact, OptiplyClient optiply) : ITargetSink
{
    private static readonly string[] HeaderSelect = ["PurchaseOrderID", "OrderNumber", "Supplier"];

    public async Task<string?> FindAsync(string sourceId, CancellationToken ct) =>
        (await FindOrderAsync(sourceId, ct))?["PurchaseOrderID"]?.ToString()?.ToLowerInvariant();

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct)
    {
        var created = await exact.PostAsync("purchaseorder/PurchaseOrders", payload, ct);
        var lines = (created["PurchaseOrderLines"]?["results"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return await WriteBackAsync(sourceId, created, lines, ct);
    }

    /// <summary>The order is in Exact already (a retry after a crash): only the write-back is left to do.</summary>
    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct)
    {
        var order = await FindOrderAsync(sourceId, ct)
                    ?? throw new SyncProblem($"Exact Online purchase order {targetId} for this buy order is gone; the buy order is sent again on the next run.");
        var lines = (order["PurchaseOrderLines"]?["results"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return await WriteBackAsync(sourceId, order, lines, ct);
    }

    /// <summary>Orders are never deleted in Exact from Optiply.</summary>
    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) =>
        Task.FromResult<string?>("Purchase orders in Exact Online are left alone when their buy order goes away in Optiply.");

    private async Task<JsonObject?> FindOrderAsync(string optiplyId, CancellationToken ct)
    {
        if (!long.TryParse(optiplyId, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
        var url = exact.Url("purchaseorder/PurchaseOrders", HeaderSelect.Append("PurchaseOrderLines"), $"OrderNumber eq {number}") + "&$expand=PurchaseOrderLines";
        return (await exact.AllAsync(url, ct)).FirstOrDefault();
    }

    private async Task<TargetWrite> WriteBackAsync(string optiplyId, JsonObject order, List<JsonObject> exactLines, CancellationToken ct)
    {
        var exactId = order["PurchaseOrderID"]?.ToString()?.ToLowerInvariant()
                      ?? throw new SyncProblem("Exact Online answered the new purchase order without its PurchaseOrderID.");
        var links = new List<TargetLink> { new(BuyOrderReferences.OrderEntity, exactId, optiplyId) };

        // Exact numbers the lines in the order they were sent (by SKU); pair them with Optiply's lines the same way.
        var optiplyLines = await SortedOptiplyLinesAsync(optiplyId, ct);
        var ordered = exactLines.OrderBy(l => ExactJson.Number(l["LineNumber"]) ?? 0).ToList();
        for (var i = 0; i < Math.Min(ordered.Count, optiplyLines.Count); i++)
        {
            var lineId = ordered[i]["ID"]?.ToString()?.ToLowerInvariant();
            if (lineId is null) continue;
            if (optiplyLines[i].RemoteId(optiply.Account.CouplingId) != lineId)
                await optiply.UpdateAsync("buyOrderLines", optiplyLines[i].Id, new JsonObject { ["remoteId"] = lineId }, ct);
            links.Add(new TargetLink(BuyOrderReferences.LineEntity, lineId, optiplyLines[i].Id));
        }
        // The order's remote id last: it is what marks the buy order as sent.
        var marked = await optiply.UpdateAsync("buyOrders", optiplyId, new JsonObject { ["remoteId"] = exactId }, ct)
                     ?? throw new SyncProblem($"The buy order was created in Exact Online as purchase order {order["OrderNumber"]}, but it is gone from Optiply, so Exact's id could not be written back.");
        return new TargetWrite(exactId, marked.Raw) { Links = links };
    }

    private async Task<List<OptiplyResource>> SortedOptiplyLinesAsync(string optiplyId, CancellationToken ct)
    {
        var lines = new List<OptiplyResource>();
        await foreach (var line in optiply.ReadAllAsync("buyOrderLines", [("filter[buyOrderId]", optiplyId), ("sort", "id")], ct)) lines.Add(line);
        var skus = new Dictionary<string, string>();
        foreach (var productId in lines.Select(l => l.Attributes["productId"]?.ToString()).OfType<string>().Distinct())
            skus[productId] = (await optiply.GetAsync("products", productId, ct))?.Attributes["skuCode"]?.ToString() ?? "";
        return lines.OrderBy(l => skus.GetValueOrDefault(l.Attributes["productId"]?.ToString() ?? "") ?? "", StringComparer.Ordinal)
            .ThenBy(l => long.Parse(l.Id, CultureInfo.InvariantCulture)).ToList();
    }
}
