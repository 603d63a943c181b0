namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>What the back flows write to a webshop: a quantity and a normal (net) price, only when they differ.</summary>
public static class StockAndPrice
{
    /// <summary>The sum of the chosen warehouses' free stock, never below 0 (a shop cannot sell "-3").</summary>
    public static decimal ShopQuantity(IEnumerable<(string WarehouseId, decimal Free)> rows, IReadOnlyCollection<string> chosen) =>
        Math.Max(0, rows.Where(r => chosen.Contains(r.WarehouseId)).Sum(r => r.Free));

    /// <summary>Shops keep quantities as whole or decimal numbers; a difference below 0.0001 is none.</summary>
    public static bool QuantityDiffers(decimal shop, decimal erp) => Math.Abs(shop - erp) >= 0.0001m;

    /// <summary>Prices are compared to the fillér (2 decimals), as shops round them.</summary>
    public static bool PriceDiffers(decimal shop, decimal erp) => Math.Round(shop, 2, MidpointRounding.AwayFromZero) != Math.Round(erp, 2, MidpointRounding.AwayFromZero);
}
