using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>
/// An Optiply buy order's lines as GoedGepickt purchase-order lines: by SKU (GG's productcode), one line per SKU
/// with the quantities summed. A line whose product has no SKU cannot be matched in GG: the order waits and is
/// tried again, rather than arriving in GG without that line.
/// </summary>
public sealed class PurchaseOrderLinesBySku : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var lines = (data["Lines"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (lines.Count == 0)
            return new RuleDecision.Skip("This buy order has no lines in Optiply, so there is nothing to order in GoedGepickt.");
        var withoutSku = lines.Where(l => string.IsNullOrWhiteSpace(GgJson.Text(l["SkuCode"]))).Select(l => GgJson.Text(l["productId"])).ToList();
        if (withoutSku.Count > 0)
            return new RuleDecision.Retry($"Optiply product {string.Join(", ", withoutSku)} of this buy order has no SKU, so it cannot be found in GoedGepickt. Give it its GoedGepickt productcode; the order is tried again on the next run.");
        var result = (JsonObject)data.DeepClone();
        result["GgLines"] = new JsonArray(lines
            .GroupBy(l => GgJson.Text(l["SkuCode"])!.Trim(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (JsonNode)new JsonObject { ["sku"] = g.Key, ["quantity"] = g.Sum(l => GgJson.Int(l["quantity"]) ?? 0) })
            .ToArray());
        return RuleDecision.Continue(result);
    }
}
