using System.Xml.Linq;
using static Koppel.Infrastructure.Connectors.Unas.Sandbox.UnasXml;

namespace Koppel.Infrastructure.Connectors.Unas.Sandbox;

/// <summary>
/// setProduct and setStock. UNAS processes the entities of one request in order and stops at the first error:
/// the answer lists the ones processed, the failing one with its Error, and nothing after it.
/// </summary>
internal sealed partial class UnasShop
{
    public XElement SetProduct(XElement root, DateTime now) => Each(root, product =>
    {
        UnasNodes.CheckProduct(product);
        var action = product.Element("Action")?.Value ?? "modify";
        var sku = product.Element("Sku")?.Value;
        if (string.IsNullOrWhiteSpace(sku)) throw new UnasFault("Missing Sku");
        var existing = Products.FirstOrDefault(p => p.Sku == sku);
        switch (action)
        {
            case "add":
                if (existing is not null) throw new UnasFault($"Product already exists: {sku}");
                if (product.Element("Name")?.Value is not { Length: > 0 } name) throw new UnasFault("Missing Name");
                existing = new Product { Id = Products.Count == 0 ? 1 : Products.Max(p => p.Id) + 1, Sku = sku, Name = name, Modified = now };
                Products.Add(existing);
                break;
            case "modify":
                if (existing is null) throw new UnasFault($"Product not found: {sku}");
                break;
            default:
                throw new UnasFault($"Invalid Action: {action}");
        }
        if (product.Element("Name")?.Value is { Length: > 0 } newName) existing.Name = newName;
        if (product.Element("Unit")?.Value is { Length: > 0 } unit) existing.Unit = unit;
        if (product.Element("Prices") is { } prices)
        {
            if (prices.Element("Vat")?.Value is { Length: > 0 } vat) existing.Vat = vat;
            foreach (var price in prices.Elements("Price").Where(p => p.Element("Type")?.Value == "normal"))
                existing.NormalNet = Decimal(price.Element("Net")) ?? throw new UnasFault($"Invalid Net price for {sku}");
        }
        if (product.Element("Stocks") is { } stocks) SetStocks(existing, stocks, "modify");
        existing.Modified = now;
        return (existing, action);
    });

    public XElement SetStock(XElement root, DateTime now) => Each(root, product =>
    {
        UnasNodes.CheckStockProduct(product);
        var sku = product.Element("Sku")?.Value;
        var existing = Products.FirstOrDefault(p => p.Sku == sku) ?? throw new UnasFault($"Product not found: {sku}");
        var action = product.Element("Action")?.Value ?? "modify";
        if (action is not ("in" or "out" or "modify")) throw new UnasFault($"Invalid Action: {action}");
        SetStocks(existing, product.Element("Stocks"), action);
        existing.Modified = now;
        return (existing, action);
    });

    /// <summary>The stock rows of a product: the main row (no WarehouseId) and additional warehouses, added, taken or set.</summary>
    private static void SetStocks(Product existing, XElement? stocks, string action)
    {
        if (stocks is null) return;
        var sku = existing.Sku;
        foreach (var stock in stocks.Elements("Stock"))
        {
            var qty = Decimal(stock.Element("Qty")) ?? throw new UnasFault($"Invalid Qty for {sku}");
            var warehouse = stock.Element("WarehouseId")?.Value;
            var current = warehouse is null ? existing.MainStock : existing.WarehouseStock.GetValueOrDefault(warehouse);
            var next = action switch { "in" => current + qty, "out" => current - qty, _ => qty };
            if (warehouse is null) existing.MainStock = next;
            else existing.WarehouseStock[warehouse] = next;
        }
    }

    private static XElement Each(XElement root, Func<XElement, (Product Product, string Action)> apply)
    {
        if (root.Name != "Products") throw new UnasFault("Invalid XML: the root must be Products");
        var answer = new XElement("Products");
        foreach (var product in root.Elements("Product"))
        {
            try
            {
                var (done, action) = apply(product);
                answer.Add(new XElement("Product", new XElement("Id", done.Id), new XElement("Sku", done.Sku), new XElement("Action", action), new XElement("Status", "ok")));
            }
            catch (UnasFault e)
            {
                answer.Add(new XElement("Product", new XElement("Sku", product.Element("Sku")?.Value ?? ""), new XElement("Action", product.Element("Action")?.Value ?? ""),
                    new XElement("Status", "error"), new XElement("Error", e.Message)));
                break;
            }
        }
        return answer;
    }
}
