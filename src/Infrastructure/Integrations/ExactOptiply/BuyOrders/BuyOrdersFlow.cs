using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply.Suppliers;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrders;

/// <summary>
/// Exact purchase orders (and assembly orders) to Optiply buy orders with their lines: added, changed and deleted
/// lines follow, completion at status 30/40 (assembly: 50), the warehouse filter, and order deletions from the
/// tenant's start date on.
/// </summary>
/// <remarks>
/// Lines are written by this flow's sink rather than by a second "buy-order-lines" flow: Exact returns an order's
/// header and all its lines together, and only the whole order shows that a line was deleted. A second flow would
/// read the same endpoint again, could not see deletions, and would have to wait for this one's links.
/// </remarks>
public static class BuyOrdersFlow
{
    public const string Key = "buy-orders";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Buy orders",
        Entity = BuyOrderReferences.OrderEntity,
        DependsOn = [ProductsFlow.Key, SuppliersFlow.Key],
        SourceSystem = "Exact Online",
        TargetSystem = "Optiply",
        Title = new("Order {OrderNumber}", "{ItemCode}", "supplier {SupplierCode}"),
        DefaultMapping = BuyOrderMapping.Default,
        TargetFields =
        [
            new("totalValue", "number", "Order total"),
            new("placed", "datetime", "Order date"),
            new("completed", "datetime", "When the order was seen complete or cancelled"),
            new("expectedDeliveryDate", "datetime", "Expected receipt date"),
            new("supplierId", "number", "Optiply supplier"),
            new("assembly", "boolean", "From an Exact assembly order"),
            new("orderLines", "list", "The order lines (product, quantity, subtotal, expected delivery, remote id)"),
        ],
        SourceFields =
        [
            new("Kind", "text", "PurchaseOrder or AssemblyOrder"),
            new("OrderNumber", "number", "Exact order number"),
            new("OrderDate", "datetime", "Order date"),
            new("ReceiptDate", "datetime", "Expected receipt date (assembly orders: AssemblyDate)"),
            new("AmountDC", "number", "Order total in the division's currency"),
            new("OrderStatus", "number", "10 open, 20 partial, 30 complete, 40 cancelled (assembly: 20, 30, 50)"),
            new("ReceiptStatus", "number", "10 open, 20 partial, 30 complete, 40 cancelled"),
            new("Supplier", "text", "Exact supplier (account id)"),
            new("Warehouse", "text", "Exact warehouse id"),
            new("WarehouseCode", "text", "Exact warehouse code"),
            new("CompletedAt", "datetime", "Added by the rules: the sync time once the order is done, else empty"),
            new("SupplierOptiplyId", "number", "Added by the flow: the Optiply supplier"),
            new("OrderLines", "list", "Added by the rules: the mapped lines"),
        ],
        SyncTimeFields = ["completed"],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<ExactOptiplySettings>();
        var exact = ExactOnlineClient.Create(context);
        var optiply = OptiplySinks.Client(context);
        var source = new BuyOrderReferences(new ExactBuyOrdersStream(exact), context, exact, optiply, settings.Warehouses.FollowsExactMain);
        IRecordRule[] rules =
        [
            new BuyOrderDeletionWindow(settings.BuyOrders.DeletionsSince),
            new SkipDisassemblyOrders(),
            new InBuyOrderWarehouses(settings.Warehouses),
            new WaitForBuyOrderWriteBack(),
            new BuyOrderCompletion(context.Clock.GetUtcNow()),
            new MapBuyOrderLines(),
        ];
        return new FlowParts(source, new BuyOrderSink(optiply), rules);
    }
}
