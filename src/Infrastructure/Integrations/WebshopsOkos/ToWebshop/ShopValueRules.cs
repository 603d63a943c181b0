using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>The rules every flow from the ERP applies, in order: the shop answered, both sides know the product, the values differ.</summary>
internal static class ShopValueRules
{
    public static List<IRecordRule> For(ShopValue value) => [new WhenTheShopAnswered(), new OnlyProductsOnBothSides(value), new OnlyWhenTheShopDiffers(value)];

    internal static decimal? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    internal static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>The shop refused to show the product: failed with its reason, so the next run tries it again.</summary>
internal sealed class WhenTheShopAnswered : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        data[ShopValueRecords.ShopProblem]?.ToString() is { Length: > 0 } problem
            ? new RuleDecision.Retry($"The webshop did not show this product: {problem}")
            : RuleDecision.Continue(data);
}

/// <summary>
/// A code the webshop does not sell is left out silently (an ERP holds more products than a shop shows); one the ERP
/// no longer has is logged, as it was in the ERP's change feed a moment ago.
/// </summary>
internal sealed class OnlyProductsOnBothSides(ShopValue value) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        if (data[value.Field] is null) return new RuleDecision.Skip("Okos-Ügyvitel no longer has a product with this code; nothing was sent to the webshop.");
        if (data[value.ShopField] is null) return new RuleDecision.Skip("The webshop has no product with this code.", Log: false);
        return RuleDecision.Continue(data);
    }
}

/// <summary>The seeds' "only when it changed": a value the shop shows already is not written again.</summary>
internal sealed class OnlyWhenTheShopDiffers(ShopValue value) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var erp = ShopValueRules.Number(data[value.Field]) ?? 0;
        var shop = ShopValueRules.Number(data[value.ShopField]) ?? 0;
        return value.Differs(shop, erp)
            ? RuleDecision.Continue(data)
            : new RuleDecision.Skip($"The webshop shows this {value.Words} ({ShopValueRules.Text(shop)}) already.", Log: false);
    }
}
