using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>The stocks flow's mapping: only the stock level of the chosen warehouses, in whole units as Optiply keeps it.</summary>
public static class StockMapping
{
    public static FieldMapping Default { get; } = FieldMapping.Of(("stockLevel", Round(Copy("StockLevel"))));
}

/// <summary>
/// An item that is not an Optiply product yet has no stock to update: it is skipped with a note. Nothing is lost,
/// because the products flow sends the stock of the same warehouses when it creates the product; retrying instead
/// would read the item from Exact on every run for items the products flow may never create.
/// </summary>
public sealed class SkipStockOfUnsyncedProduct : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        string.IsNullOrEmpty(ExactJson.Text(data["OptiplyProductId"]))
            ? new RuleDecision.Skip($"Exact item {ExactJson.Text(data["ItemCode"])?.Trim() ?? ExactJson.Text(data["ID"])} is not in Optiply yet, so there is no product to give this stock to. The products flow sends its stock when it creates the product.")
            : RuleDecision.Continue(data);
}

/// <summary>
/// With stock mapping switched off (products.mapStockLevel, the seed's footnote *3) the customer keeps stock in
/// Optiply by hand: the stocks flow then writes nothing, just as the products flow leaves stockLevel out.
/// </summary>
public sealed class SkipWhenStockIsNotMapped(ProductSettings products) : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        products.MapStockLevel ? RuleDecision.Continue(data) : new RuleDecision.Skip("Stock mapping is switched off for this tenant.", Log: false, "products.mapStockLevel");
}
