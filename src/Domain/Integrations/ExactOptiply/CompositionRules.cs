using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// Only material lines (Type 1, not by-products) of the item's default bill-of-material version are compositions.
/// A line that no longer qualifies (its version stopped being the default) is removed from Optiply.
/// </summary>
public sealed class OnlyDefaultVersionMaterials : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        if (!ExactJson.Bool(data["VersionIsDefault"]))
            return new RuleDecision.Delete($"Its bill-of-material version is not the default version of {Code(data, "ComposedItemCode")} (any more).");
        if (ExactJson.Number(data["Type"]) is { } type && type != 1)
            return new RuleDecision.Delete("It is a by-product line, not a part.");
        return RuleDecision.Continue(data);
    }

    internal static string Code(JsonObject data, string field) => ExactJson.Text(data[field])?.Trim() is { Length: > 0 } code ? code : "the item";
}

/// <summary>
/// Skips (and logs) a line that would make its item both made with and part of the same product. The flow works out
/// which lines those are over all default bill-of-material lines and puts the crossing path (item codes, from the
/// part back to the composed item) in "Crossing".
/// </summary>
public sealed class RejectCrossingComposition : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        if (data["Crossing"] is not JsonArray path || path.Count == 0) return RuleDecision.Continue(data);
        var composed = OnlyDefaultVersionMaterials.Code(data, "ComposedItemCode");
        var part = OnlyDefaultVersionMaterials.Code(data, "PartItemCode");
        var codes = path.Select(p => ExactJson.Text(p) ?? "?").ToList();
        var reason = codes.Count <= 1
            ? $"This bill-of-material line makes {composed} out of itself."
            : codes.Count == 2
                ? $"This bill-of-material line makes {composed} out of {part}, but {part} is already made out of {composed}."
                : $"This bill-of-material line makes {composed} out of {part}, but {part} is already made out of {composed} through {string.Join(" -> ", codes)}.";
        return new RuleDecision.Skip($"{reason} Optiply cannot hold a product that is both made of and part of the same product, so this line was not synced; the rest of the bill of material was.");
    }
}

/// <summary>
/// Adds "PartQuantity". By default the line's quantity for the whole batch (the seed's QuantityPerBatch); with
/// scalePartQuantityByBatch, the quantity per composed product (batch quantity divided by the number the batch
/// makes). Optiply's composition is "the quantity to produce 1 final composed with a minimum 1 per partQuantity"
/// and takes whole numbers only, so a fraction is rounded up, never down: making one product with 0.25 of a part
/// still takes a whole part to be bought, and rounding down would plan too few parts.
/// </summary>
public sealed class PartQuantity(bool scaleByBatch) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var line = ExactJson.Number(data["QuantityBatch"]) ?? ExactJson.Number(data["Quantity"]) ?? 1m;
        var batch = ExactJson.Number(data["BatchQuantity"]) ?? 1m;
        var exact = scaleByBatch && batch > 1 ? line / batch : line;
        var whole = Math.Max(1m, Math.Ceiling(exact));
        var result = (JsonObject)data.DeepClone();
        result["PartQuantity"] = (int)whole;
        IReadOnlyList<string> warnings = whole == exact
            ? []
            : [$"The part quantity {exact.ToString("0.####", CultureInfo.InvariantCulture)} was rounded up to {whole}: Optiply counts whole parts, at least 1 per composed product."];
        return new RuleDecision.Keep(result, warnings);
    }
}
