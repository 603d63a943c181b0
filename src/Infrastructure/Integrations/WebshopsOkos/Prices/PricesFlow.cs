using Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Prices;

/// <summary>
/// ERP -> webshop, every 5 minutes from the ERP's change feed (kind "price"): a changed product's normal net selling
/// price (ShopRenter <c>price</c>, UNAS normal price), written only when the shop shows another. Off when pushPrices is false.
/// </summary>
public static class PricesFlow
{
    public const string Key = "prices";

    public static FlowDefinition Definition { get; } = ToWebshopFlow.Define(Key, "Prices", "shop-price", ShopValue.Price,
        (_, erp, products) => new PriceRecords(erp, products).ReadAsync, new NoNegativePrice());
}
