using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>
/// The seed's lists and its translation table (GoedGepickt -> Optiply) as the flows' default mappings:
/// Productcode -> SKU, Leverancier inkoopprijs -> purchase price, Bestellen in veelvoud van -> lot size,
/// Inkoopbaar -> (not) phased out.
/// </summary>
public static class DefaultMappings
{
    public static FieldMapping Suppliers { get; } = FieldMapping.Of(
        ("name", Trim(Copy("name"))),
        ("emails", Copy("Emails")),
        ("backorders", Copy("Backorders")),
        ("backorderThreshold", Copy("BackorderThreshold")));

    public static FieldMapping Products { get; } = FieldMapping.Of(
        ("name", Trim(Copy("name"))),
        ("skuCode", Copy("sku")),
        ("price", Round(ToNumber(Copy("price")), 2)),
        ("unlimitedStock", Coalesce(ToBoolean(Copy("stock.unlimitedStock")), Const(false))),
        ("stockLevel", Coalesce(ToNumber(Copy("stock.freeStock")), Const(0))),
        ("notBeingBought", Copy("NotBeingBought")),
        ("status", Const("enabled")));

    public static FieldMapping SupplierProducts { get; } = FieldMapping.Of(
        ("name", Trim(Copy("name"))),
        ("productId", Copy("OptiplyProductId")),
        ("supplierId", Copy("OptiplySupplierId")),
        ("skuCode", Copy("supplier.supplierSku")),
        ("price", Round(ToNumber(Copy("costPrice")), 2)),
        ("lotSize", Copy("LotSize")),
        ("status", Const("enabled")));

    public static FieldMapping Stocks { get; } = FieldMapping.Of(
        ("stockLevel", Coalesce(ToNumber(Copy("stock.freeStock")), Const(0))));

    public static FieldMapping SellOrders { get; } = FieldMapping.Of(
        ("placed", Copy("Placed")),
        ("totalValue", Round(Coalesce(ToNumber(Copy("totalPaid")), Copy("LinesTotal")), 2)),
        ("orderLines", Copy("OrderLines")));

    public static FieldMapping PurchaseOrders { get; } = FieldMapping.Of(
        ("reference", ToText(Copy("id"))),
        ("supplierUuid", Copy("GgSupplierUuid")),
        ("lines", Copy("GgLines")));

    public static FieldMapping Receipts { get; } = FieldMapping.Of(
        ("buyOrderId", Copy("OptiplyBuyOrderId")),
        ("received", Copy("Received")),
        ("completed", Copy("Completed")));
}
