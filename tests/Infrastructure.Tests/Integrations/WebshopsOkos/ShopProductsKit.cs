using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Koppel.Infrastructure.Tests.Integrations.WebshopsOkos;

/// <summary>What the two emulated shops show for a product, read the way their APIs show it.</summary>
internal static class ShopProductsKit
{
    public static decimal SrStock(this WebshopsHub hub, string sku) => SrField(hub, sku, "stock1");
    public static decimal SrPrice(this WebshopsHub hub, string sku) => SrField(hub, sku, "price");

    public static decimal UnasStock(this WebshopsHub hub, string sku) =>
        Number(UnasProduct(hub, sku).Element("Stocks")!.Elements("Stock").Single(s => s.Element("WarehouseId") is null).Element("Qty"));

    public static (decimal Net, decimal Gross) UnasPrice(this WebshopsHub hub, string sku)
    {
        var normal = UnasProduct(hub, sku).Element("Prices")!.Elements("Price").Single(p => p.Element("Type")!.Value == "normal");
        return (Number(normal.Element("Net")), Number(normal.Element("Gross")));
    }

    /// <summary>Writes to both shops: product changes (ShopRenter PUTs, UNAS set* calls).</summary>
    public static int ShopWrites(this WebshopsHub hub) => hub.ShopRenter.Writes + hub.Unas.Writes;

    private static decimal SrField(WebshopsHub hub, string sku, string field) =>
        decimal.Parse(hub.ShopRenter.Products(WebshopsHub.Shop).Single(p => (string?)p["sku"] == sku)[field]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static XElement UnasProduct(WebshopsHub hub, string sku) => hub.Unas.Products(WebshopsHub.UnasKey).Single(p => p.Element("Sku")!.Value == sku);

    private static decimal Number(XElement? element) => decimal.Parse(element!.Value, CultureInfo.InvariantCulture);

    /// <summary>Sets one option of one webshop (settings.webshops.{key}.{name}).</summary>
    public static Action<JsonObject> Option(string webshop, string name, JsonNode value) => o => o[webshop]![name] = value;
}
