using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>The seed's "Products" table (Optiply field from Exact Online) as the flow's default mapping.</summary>
public static class ProductMapping
{
    public static FieldMapping Default { get; } = FieldMapping.Of(
        ("name", Copy("Description")),
        ("skuCode", Copy("Code")),
        ("articleCode", Copy("SearchCode")),
        // (*1) the selected price (see SelectSalesPrice); an item without one is sent at 0 rather than left unpriced.
        ("price", If(Cond.IsNotEmpty(Copy("SalesPrice")), Round(Copy("SalesPrice"), 2), Const(0))),
        // A non-stock item (a service) never runs out.
        ("unlimitedStock", If(Cond.Equals(Copy("IsStockItem"), false), Const(true), Const(false))),
        // (*3) optional, on by default: the stock of the chosen warehouses.
        ("stockLevel", Copy("StockLevel")),
        // (*4) optional, on by default. IsMakeItem is a 0/1 byte in Exact, IsPurchaseItem a boolean.
        ("status", If(Cond.Or(Cond.Equals(Copy("IsPurchaseItem"), true), Cond.Equals(Copy("IsMakeItem"), 1)), Const("enabled"), Const("disabled"))),
        ("eanCode", Copy("Barcode")),
        // (*2) from IsMakeItem by default, or from whether the item has a bill of material.
        ("assembled", If(Cond.Equals(Copy("settings.products.assembledFrom"), "compositions"),
            If(Cond.Equals(Copy("HasComposition"), true), Const(true), Const(false)),
            If(Cond.Equals(Copy("IsMakeItem"), 1), Const(true), Const(false)))));
}
