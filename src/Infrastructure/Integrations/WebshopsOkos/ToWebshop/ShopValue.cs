using Koppel.Domain.Integrations.WebshopsOkos;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>
/// The one value a flow from the ERP keeps right in the webshop (a quantity or a normal price): its field names in
/// records and payloads, its kind in the ERP's change feed, the webshop option that switches it off, how the shop's
/// value is read and compared, and how it is written.
/// </summary>
public sealed record ShopValue(
    string Field,
    string Words,
    string Kind,
    string Option,
    Func<WebshopSettings, bool> IsPushed,
    Func<ShopProduct, decimal> Read,
    Func<decimal, decimal, bool> Differs,
    Func<WebshopProducts, ShopProduct, decimal, CancellationToken, Task<string>> WriteAsync)
{
    /// <summary>The shop's value as read before the write. Part of the payload so the change check sees a shop changed by hand.</summary>
    public string ShopField => "shop" + char.ToUpperInvariant(Field[0]) + Field[1..];

    public static readonly ShopValue Quantity = new("quantity", "quantity", "stock", "pushStock", s => s.PushStock, p => p.Quantity, StockAndPrice.QuantityDiffers,
        (shop, product, value, ct) => shop.SetQuantityAsync(product, value, ct));

    public static readonly ShopValue Price = new("price", "normal net price", "price", "pushPrices", s => s.PushPrices, p => p.NetPrice, StockAndPrice.PriceDiffers,
        (shop, product, value, ct) => shop.SetPriceAsync(product, value, ct));
}
