using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.ReceiptLines;

/// <summary>
/// Exact goods receipts and completed assembly orders to Optiply receipt lines of the buy order lines the
/// buy-orders flow wrote. A receipt is an event: once in Optiply it is not written again.
/// </summary>
public static class ReceiptLinesFlow
{
    public const string Key = "receipt-lines";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Receipt lines",
        Entity = "receipt-line",
        DependsOn = [ProductsFlow.Key, BuyOrders.BuyOrdersFlow.Key],
        SourceSystem = "Exact Online",
        TargetSystem = "Optiply",
        Title = new("Order {OrderNumber}", "{ItemCode}"),
        // occurred = now() for assembly receipts would otherwise differ on every run and rewrite the receipt.
        CreateOnly = true,
        DefaultMapping = ReceiptLineMapping.Default,
        TargetFields =
        [
            new("buyOrderLineRemoteId", "text", "The Exact purchase order line (or assembly order) received; becomes the Optiply buy order line"),
            new("quantity", "number", "Quantity received (negative for a return)"),
            new("occurred", "date", "When the goods arrived"),
        ],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<ExactOptiplySettings>();
        var source = new ExactReceiptLinesStream(ExactOnlineClient.Create(context), settings.Warehouses);
        IRecordRule[] rules =
        [
            new AssemblyReceiptWhenComplete(),
            new InChosenWarehouses(settings.Warehouses, "PurchaseOrderWarehouse", "Warehouse"),
            new StampSyncTime(context.Clock.GetUtcNow()),
        ];
        return new FlowParts(source, new ReceiptLineSink(OptiplySinks.ReceiptLines(context), context.Links), rules);
    }
}
