using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>The seed's "Supplier Products" table (Optiply field from Exact SupplierItem) as the flow's default mapping.</summary>
public static class SupplierProductMapping
{
    public static FieldMapping Default { get; } = FieldMapping.Of(
            ("name", Copy("ItemDescription")),
            // The Optiply ids of the item's product and of the supplier, found through what those flows synced.
            ("productId", Copy("OptiplyProductId")),
            ("supplierId", Copy("OptiplySupplierId")),
            // "If using LOT": Exact's purchase price is for a lot of PurchaseLotSize items; Optiply's is per item.
            ("price", If(Cond.Equals(Copy("settings.supplierProducts.mapLotSize"), true),
                Round(Copy("PricePerItem"), 2),
                Round(Copy("PurchasePrice"), 2))),
            ("skuCode", Copy("SupplierItemCode")),
            ("status", Const("enabled")),
            // item.barcode: the barcode of the supplier item's Exact item.
            ("eanCode", Copy("ItemBarcode")),
            // (*1) optional, off by default; each only when Optiply can take it (a whole number of at least 1).
            ("lotSize", Copy("LotSize")),
            ("minimumPurchaseQuantity", Copy("MinimumPurchaseQuantity")),
            ("deliveryTime", Copy("DeliveryTime")),
            // (*2) optional, on by default: the main supplier of the item is Optiply's preferred one.
            ("preferred", If(Cond.Equals(Copy("MainSupplier"), true), Const(true), Const(false))))
        .WithEnabled("lotSize", false)
        .WithEnabled("minimumPurchaseQuantity", false)
        .WithEnabled("deliveryTime", false);
}
