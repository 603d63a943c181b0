using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.ShopRenter;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>
/// A ShopRenter shop's products: found one code at a time (<c>products?sku=</c>, SKUs are unique there), the quantity
/// kept in <c>stock1</c> (warehouse 1) and the net normal price in <c>price</c>; writes send only the changed field, as a string.
/// </summary>
internal sealed class ShopRenterProducts(ShopRenterClient shop) : WebshopProducts
{
    protected override async Task<ShopLookup> ReadAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        var found = new Dictionary<string, ShopProduct>(StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            try
            {
                if (await shop.ProductBySkuAsync(sku, ct) is { } product)
                    found[sku] = new ShopProduct(product["id"]?.ToString() ?? "", sku,
                        ShopRenterClient.Decimal(product["stock1"]), ShopRenterClient.Decimal(product["price"]), 0);
            }
            catch (SyncProblem e) when (e is not RunStopped)
            {
                // One product the shop will not show must not hold up the others of the page.
                problems[sku] = e.Message;
            }
        }
        return new ShopLookup(found, problems);
    }

    public override async Task<string> SetQuantityAsync(ShopProduct product, decimal quantity, CancellationToken ct) =>
        (await shop.UpdateProductAsync(product.Id, new JsonObject { ["stock1"] = quantity.ToString("0.####", CultureInfo.InvariantCulture) }, ct)).ToJsonString();

    public override async Task<string> SetPriceAsync(ShopProduct product, decimal netPrice, CancellationToken ct) =>
        (await shop.UpdateProductAsync(product.Id, new JsonObject { ["price"] = netPrice.ToString("0.0000", CultureInfo.InvariantCulture) }, ct)).ToJsonString();
}
