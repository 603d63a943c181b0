using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// The seed's "Buy Orders - Exact to Optiply" and "Buy Orders - Using Exact AssemblyOrders" tables as one default
/// mapping: the source tells the two apart by "Kind", and assembly orders carry no money (totalValue 0).
/// </summary>
public static class BuyOrderMapping
{
    public const string PurchaseOrder = "PurchaseOrder";
    public const string AssemblyOrder = "AssemblyOrder";

    private static Mapping.Condition IsAssembly => Cond.Equals(Copy("Kind"), AssemblyOrder);

    public static FieldMapping Default { get; } = FieldMapping.Of(
        ("totalValue", If(IsAssembly, Const(0), Round(Copy("AmountDC"), 2))),
        ("placed", Copy("OrderDate")),
        // (*1) the sync time once OrderStatus or ReceiptStatus is 30/40, or an assembly order's status is 50 (see BuyOrderCompletion).
        ("completed", Copy("CompletedAt")),
        ("expectedDeliveryDate", Copy("ReceiptDate")),
        // The Optiply supplier behind the Exact supplier; for an assembly order the one named after its warehouse code (*2).
        ("supplierId", Copy("SupplierOptiplyId")),
        ("assembly", If(IsAssembly, Const(true), Const(false))),
        // The lines, each mapped by Lines below (see MapBuyOrderLines).
        ("orderLines", Copy("OrderLines")));

    /// <summary>The seed's "Buy Order Lines" tables (Exact purchase order lines, or the assembled item of an assembly order).</summary>
    public static FieldMapping Lines { get; } = FieldMapping.Of(
        ("productId", Copy("ProductOptiplyId")),
        // Optiply counts whole units.
        ("quantity", Round(Copy("Quantity"))),
        ("subtotalValue", If(Cond.Equals(Copy("OrderKind"), AssemblyOrder), Const(0), Round(Copy("AmountDC"), 2))),
        ("expectedDeliveryDate", Copy("ReceiptDate")),
        ("remoteId", Copy("ID")));
}
