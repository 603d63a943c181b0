using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>The seed's "Buy Orders - Optiply to Exact" and "Buy Order Lines - Optiply to Exact" tables: an Exact purchase order.</summary>
public static class BuyOrderToExactMapping
{
    public static FieldMapping Default { get; } = FieldMapping.Of(
        // Optiply's buy-order id: also how a retry finds an order it already created in Exact.
        ("OrderNumber", ToNumber(Copy("id"))),
        // The Exact account behind the Optiply supplier.
        ("Supplier", Copy("ExactSupplierId")),
        ("OrderDate", Copy("placed")),
        // (*1) sync time + the supplier's delivery time (see ReceiptDateForExact).
        ("ReceiptDate", Copy("ReceiptDate")),
        // Sorted by SKU, each mapped by Lines below (see MapLinesForExact).
        ("PurchaseOrderLines", Copy("ExactLines")));

    public static FieldMapping Lines { get; } = FieldMapping.Of(
        ("Item", Copy("ExactItemId")),
        // With lots, Exact gets purchase units: Optiply's quantity divided by the supplier product's lot size.
        ("QuantityInPurchaseUnits", If(Cond.Equals(Copy("UseLot"), true), Divide(Copy("quantity"), Copy("LotSize")), Copy("quantity"))));
}
