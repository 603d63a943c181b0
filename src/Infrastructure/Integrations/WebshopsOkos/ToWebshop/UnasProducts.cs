using System.Globalization;
using System.Xml.Linq;
using Koppel.Infrastructure.Connectors.Unas;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>
/// An UNAS shop's products: read 100 codes a call (getProduct takes a comma-separated Sku list), the quantity being
/// the main stock row (the one without WarehouseId) and the price the normal one. Stock is written with setStock
/// (Action modify: the main row's total), the price with setProduct (net and gross of the product's VAT rate);
/// one product a call, so a refused product never holds up another.
/// </summary>
internal sealed class UnasProducts(UnasClient shop) : WebshopProducts
{
    private const int PerCall = 100;

    protected override async Task<ShopLookup> ReadAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        var found = new Dictionary<string, ShopProduct>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in skus.Chunk(PerCall))
        {
            try
            {
                foreach (var product in await shop.ProductsAsync(chunk, ct))
                    if (Read(product) is { } read && chunk.Contains(read.Sku)) found[read.Sku] = read;
            }
            catch (SyncProblem e) when (e is not RunStopped)
            {
                foreach (var sku in chunk) problems[sku] = e.Message;
            }
        }
        return new ShopLookup(found, problems);
    }

    public override Task<string> SetQuantityAsync(ShopProduct product, decimal quantity, CancellationToken ct) =>
        WriteAsync(shop.SetStockAsync, new XElement("Product", new XElement("Action", "modify"), new XElement("Sku", product.Sku),
            new XElement("Stocks", new XElement("Stock", new XElement("Qty", Number(quantity))))), "stock", ct);

    public override Task<string> SetPriceAsync(ShopProduct product, decimal netPrice, CancellationToken ct) =>
        WriteAsync(shop.SetProductsAsync, new XElement("Product", new XElement("Action", "modify"), new XElement("Sku", product.Sku),
            new XElement("Prices", new XElement("Price", new XElement("Type", "normal"), new XElement("Net", Number(netPrice)),
                new XElement("Gross", Number(Math.Round(netPrice * (1 + product.VatRate / 100), 2, MidpointRounding.AwayFromZero)))))), "normal price", ct);

    private static async Task<string> WriteAsync(Func<IReadOnlyList<XElement>, CancellationToken, Task<IReadOnlyList<UnasWriteResult>>> call, XElement product, string what, CancellationToken ct)
    {
        var result = (await call([product], ct)).FirstOrDefault();
        if (result is not { Ok: true })
            throw new SyncProblem($"UNAS refused the {what} of {product.Element("Sku")!.Value}: {result?.Error ?? "no answer for the product"}.");
        return $"UNAS set the {what} of {result.Sku}: ok.";
    }

    private static ShopProduct? Read(XElement product)
    {
        var sku = product.Element("Sku")?.Value;
        if (string.IsNullOrEmpty(sku)) return null;
        var main = product.Element("Stocks")?.Elements("Stock").FirstOrDefault(s => s.Element("WarehouseId") is null);
        var prices = product.Element("Prices");
        var normal = prices?.Elements("Price").FirstOrDefault(p => p.Element("Type")?.Value == "normal");
        var vat = decimal.TryParse(prices?.Element("Vat")?.Value.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) ? rate : 0;
        return new ShopProduct(product.Element("Id")?.Value ?? sku, sku, UnasClient.Decimal(main?.Element("Qty")), UnasClient.Decimal(normal?.Element("Net")), vat);
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
