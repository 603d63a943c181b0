using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.SellOrders;

/// <summary>
/// Exact sales orders, sales invoices and production orders to Optiply sell orders, per the seed's "Sell Orders"
/// tables and options. New orders only: an order already in Optiply is never changed, but it is deleted when
/// it is deleted or cancelled in Exact.
/// </summary>
public static class SellOrdersFlow
{
    public const string Key = "sell-orders";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Sell orders",
        Entity = "sell-order",
        DependsOn = [ProductsFlow.Key],
        SourceSystem = "Exact Online",
        TargetSystem = "Optiply",
        Title = new("Order {OrderNumber}", "{Currency} {AmountDC}"),
        CreateOnly = true,
        DefaultMapping = SellOrderMapping.Default,
        TargetFields =
        [
            new("placed", "date", "When the order was placed"),
            new("completed", "date", "When the order was completed (delivered or invoiced)"),
            new("totalValue", "number", "Order value excluding VAT"),
            new("orderLines", "list", "Lines: product (by the Exact item), quantity, subtotal"),
        ],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<ExactOptiplySettings>();
        var source = new ExactSellOrdersStream(ExactOnlineClient.Create(context), settings.SellOrders, settings.Warehouses);
        IRecordRule[] rules =
        [
            new SellOrderSourceFilter(settings.SellOrders),
            new InChosenWarehouses(settings.Warehouses, "WarehouseID", "Warehouse", "OrderWarehouse"),
            new BuildSellOrderLines(),
        ];
        return new FlowParts(source, new SellOrderSink(OptiplySinks.SellOrders(context), context.Links), rules);
    }
}
