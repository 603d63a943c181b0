using Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Stock;

/// <summary>
/// ERP -> webshop, every 5 minutes from the ERP's change feed (kind "stock"): a changed product's shop quantity becomes
/// the free stock of the webshop's stockWarehouses summed (never below 0), written only when the shop shows another
/// value. Off when the webshop's pushStock is false.
/// </summary>
public static class StockFlow
{
    public const string Key = "stock";

    public static FlowDefinition Definition { get; } = ToWebshopFlow.Define(Key, "Stock", "shop-stock", ShopValue.Quantity,
        (shop, erp, products) => new StockRecords(erp, products, shop.Settings.StockWarehouses).ReadAsync);
}
