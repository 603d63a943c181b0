using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.BuyOrders;

/// <summary>
/// New Optiply buy orders to GoedGepickt purchase orders every 30 minutes (when buyOrders.toGoedGepickt): lines by
/// SKU, never twice (the GG uuid is linked and written back to Optiply as remoteId).
/// </summary>
public static class BuyOrdersFlow
{
    public const string Key = "buy-orders";
    /// <summary>Optiply buy-order id -> GoedGepickt purchase-order uuid; the receipts flow reads it backwards.</summary>
    public const string Entity = "purchaseOrder";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Buy orders to GoedGepickt",
        Entity = Entity,
        SourceSystem = GgFlowParts.TargetSystem,
        TargetSystem = GgFlowParts.SourceSystem,
        Title = new("Optiply buy order {id}"),
        DefaultSchedule = "30",
        ScheduleFromSettings = GgFlowParts.BuyOrderInterval,
        DefaultMapping = DefaultMappings.PurchaseOrders,
        TargetFields =
        [
            new("reference", "text", "The Optiply buy-order id"),
            new("supplierUuid", "text", "GoedGepickt supplier"),
            new("lines", "list", "Lines: sku and quantity"),
        ],
        SourceFields =
        [
            new("id", "number", "Optiply buy-order id"),
            new("GgSupplierUuid", "text", "Added by the flow: the GoedGepickt supplier behind the Optiply supplier"),
            new("GgLines", "list", "Added by the rules: one line per SKU"),
        ],
        CreateOnly = true,
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var optiply = OptiplySinks.Client(context);
        ISourceStream source = GgFlowParts.Settings(context).BuyOrders.ToGoedGepickt ? new NewBuyOrdersStream(optiply, context.Links) : new NoRecords();
        IRecordRule[] rules = [new PurchaseOrderLinesBySku()];
        return new FlowParts(source, new PurchaseOrderSink(GgFlowParts.Client(context), optiply), rules);
    }
}
