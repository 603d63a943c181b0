using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// Adds the supplier item's figures in the form Optiply accepts: "LotSize" (PurchaseLotSize), "MinimumPurchaseQuantity"
/// (MinimumQuantity, rounded up: ordering less than Exact's minimum is not possible), "DeliveryTime"
/// (PurchaseLeadTime), each a whole number of at least 1 or none; and "PricePerItem", the purchase price of one
/// item when the price is for a lot.
/// </summary>
public sealed class SupplierItemFigures : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var result = (JsonObject)data.DeepClone();
        var lot = ExactJson.Number(data["PurchaseLotSize"]) is { } l && l >= 1 ? (int?)Math.Round(l) : null;
        var price = ExactJson.Number(data["PurchasePrice"]);
        result["LotSize"] = lot;
        result["PricePerItem"] = price is { } p && lot is { } n ? p / n : price;
        result["MinimumPurchaseQuantity"] = ExactJson.Number(data["MinimumQuantity"]) is { } m && m > 0 ? (int?)Math.Max(1, Math.Ceiling(m)) : null;
        result["DeliveryTime"] = SupplierDeliveryTime.Days(ExactJson.Number(data["PurchaseLeadTime"]), max: 365);
        return RuleDecision.Continue(result);
    }
}
