using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>The record id of a supplier product: GoedGepickt has none, so it is the product's uuid and the supplier's.</summary>
public static class SupplierProductId
{
    public static string Of(string productUuid, string supplierUuid) => $"{productUuid}:{supplierUuid}";

    public static string ProductOf(string id) => id.Split(':')[0];
}

/// <summary>
/// A supplier product needs the Optiply ids of its product and supplier, synced by their own flows. When one is
/// missing the record fails with the reason and is tried again on the next run.
/// </summary>
public sealed class RequireProductAndSupplier : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var missing = new List<string>();
        if (string.IsNullOrEmpty(GgJson.Text(data["OptiplyProductId"]))) missing.Add($"product {GgJson.Text(data["sku"])}");
        if (string.IsNullOrEmpty(GgJson.Text(data["OptiplySupplierId"]))) missing.Add($"supplier {GgJson.Text(data["supplier"]?["name"]) ?? GgJson.Text(data["supplier"]?["uuid"])}");
        return missing.Count == 0
            ? RuleDecision.Continue(data)
            : new RuleDecision.Retry($"The {string.Join(" and the ", missing)} {(missing.Count == 1 ? "is" : "are")} not in Optiply yet. This supplier product is tried again on the next run.");
    }
}

/// <summary>"Bestellen in veelvoud van" -> Optiply's lotSize ("Bestellen per"), only when it is a whole number of at least 1.</summary>
public sealed class LotSizeFromOrderMultiple : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var result = (JsonObject)data.DeepClone();
        result["LotSize"] = GgJson.Int(data["orderInMultiplesOf"]) is { } lot && lot >= 1 ? lot : null;
        return RuleDecision.Continue(result);
    }
}
