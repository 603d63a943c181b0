using System.Xml.Linq;

namespace Koppel.Infrastructure.Connectors.Unas.Sandbox;

/// <summary>
/// The nodes UNAS documents for the entities of setProduct and setStock. UNAS does not document its answer to a node
/// it does not know; the emulator refuses one (as an entity error), so a client's misspelt node never passes silently.
/// Documented nodes the emulator does not model (Categories, Images, ...) are accepted and ignored.
/// </summary>
internal static class UnasNodes
{
    private static readonly HashSet<string> Product =
    [
        "Action", "State", "Id", "Sku", "Statuses", "Name", "Unit", "MinimumQty", "MaximumQty", "AlertQty", "UnitStep", "Weight",
        "Categories", "Url", "Images", "Variants", "Params", "Prices", "Stocks", "Description",
    ];
    private static readonly HashSet<string> Prices = ["Vat", "Price"];
    private static readonly HashSet<string> Price = ["Type", "Net", "Gross", "Start", "End", "Group", "Area", "SaleNet", "SaleGross", "Percent", "Actual"];
    private static readonly HashSet<string> StockProduct = ["Action", "Id", "Sku", "Stocks"];
    private static readonly HashSet<string> Stocks = ["Status", "Stock"];
    private static readonly HashSet<string> Stock = ["WarehouseId", "IsActive", "Qty", "Price", "Comment", "Variants"];

    /// <summary>A setProduct entity, checked whole before any of it is applied.</summary>
    public static void CheckProduct(XElement product)
    {
        Check(product, Product);
        foreach (var prices in product.Elements("Prices"))
        {
            Check(prices, Prices);
            foreach (var price in prices.Elements("Price")) Check(price, Price);
        }
        CheckStocks(product);
    }

    public static void CheckStockProduct(XElement product)
    {
        Check(product, StockProduct);
        CheckStocks(product);
    }

    private static void CheckStocks(XElement product)
    {
        foreach (var stocks in product.Elements("Stocks"))
        {
            Check(stocks, Stocks);
            foreach (var stock in stocks.Elements("Stock")) Check(stock, Stock);
        }
    }

    /// <exception cref="UnasFault">A child node outside <paramref name="known"/>.</exception>
    private static void Check(XElement element, IReadOnlySet<string> known)
    {
        if (element.Elements().FirstOrDefault(e => !known.Contains(e.Name.LocalName)) is { } unknown)
            throw new UnasFault($"Unknown node: {element.Name.LocalName}/{unknown.Name.LocalName}");
    }
}
