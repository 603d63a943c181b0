using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.MoySkladPlanfix;

/// <summary>
/// A MoySklad product (with the stock figures and unit name the stream adds) as the flat record the products
/// mapping reads: the seed's fields, the chosen sale prices in roubles (MoySklad keeps kopecks) under the price
/// type's name, the chosen attributes under their Planfix field names, and <c>archived</c>.
/// </summary>
public sealed class FlattenProduct(ProductOptions options) : IRecordRule
{
    /// <summary>Fields the products stream adds to MoySklad's product: the unit's name and the stock figures.</summary>
    public const string UnitName = "uomName", Stock = "stock", Reserve = "reserve", Quantity = "quantity";

    public RuleDecision Apply(JsonObject data)
    {
        var warnings = new List<string>();
        var flat = new JsonObject
        {
            ["name"] = Text(data["name"]),
            ["code"] = Text(data["code"]),
            ["article"] = Text(data["article"]),
            ["externalCode"] = Text(data["externalCode"]),
            ["unit"] = Text(data[UnitName]),
            // Available is MoySklad's quantity: stock − reserve + in transit.
            ["stock"] = Number(data[Stock]),
            ["available"] = Number(data[Quantity]),
            ["reserve"] = Number(data[Reserve]),
            [ProductFields.Archived] = data["archived"]?.GetValueKind() == JsonValueKind.True,
            [ProductFields.Prices] = Prices(data, warnings),
            [ProductFields.Extra] = Extra(data),
        };
        return new RuleDecision.Keep(flat, warnings);
    }

    private JsonObject Prices(JsonObject data, List<string> warnings)
    {
        var prices = new JsonObject();
        var sale = (data["salePrices"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var type in options.PriceTypes)
        {
            var price = sale.FirstOrDefault(p => Text(p["priceType"]?["name"]) == type);
            if (price?["value"] is { } kopecks && kopecks.GetValueKind() == JsonValueKind.Number)
                prices[type] = Number(kopecks) / 100m;
            else
                warnings.Add($"The product has no price of type \"{type}\" in MoySklad; its Planfix field was left as it was.");
        }
        return prices;
    }

    private JsonObject Extra(JsonObject data)
    {
        var extra = new JsonObject();
        var attributes = (data["attributes"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var (attribute, field) in options.ExtraFields)
        {
            var value = attributes.FirstOrDefault(a => Text(a["name"]) == attribute)?["value"];
            // Reference attributes (counterparty, product...) hold an object; Planfix gets its name.
            extra[field] = value is JsonObject reference ? Text(reference["name"]) : value?.DeepClone();
        }
        return extra;
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToString();

    /// <summary>A number however the node holds it (parsed JSON, or a double or decimal set in code); 0 when absent.</summary>
    private static decimal Number(JsonNode? node) =>
        decimal.TryParse(node?.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0m;
}

/// <summary>
/// Stock of a product that has no Planfix entry yet is skipped with a note: the products flow writes its stock
/// when it creates the entry, so nothing is lost.
/// </summary>
public sealed class SkipStockOfProductNotInPlanfix : IRecordRule
{
    /// <summary>The Planfix entry key the stocks stream adds from the products flow's links.</summary>
    public const string EntryKey = "planfixEntryKey";

    public RuleDecision Apply(JsonObject data) =>
        string.IsNullOrEmpty(data[EntryKey]?.ToString())
            ? new RuleDecision.Skip("This MoySklad product has no Planfix directory entry yet; the products flow sends its stock when it creates the entry.", Log: false)
            : RuleDecision.Continue(data);
}
