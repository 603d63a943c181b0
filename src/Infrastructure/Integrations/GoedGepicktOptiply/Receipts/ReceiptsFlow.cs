using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Receipts;

/// <summary>
/// Every 30 minutes: goods received on the purchase orders the hub sent to GoedGepickt become Optiply receipt lines
/// (only the increase since the last report), and a purchase order completed in GG completes its Optiply buy order.
/// GG fires no event for receipts, hence the schedule.
/// </summary>
public static class ReceiptsFlow
{
    public const string Key = "receipts";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Receipts",
        Entity = "receipt",
        SourceSystem = GgFlowParts.SourceSystem,
        TargetSystem = GgFlowParts.TargetSystem,
        Title = new("Purchase order {reference}"),
        DefaultSchedule = "30",
        DefaultMapping = DefaultMappings.Receipts,
        TargetFields =
        [
            new("buyOrderId", "id", "The Optiply buy order"),
            new("received", "list", "Per line: SKU and quantity received so far"),
            new("completed", "boolean", "Completed in GoedGepickt"),
        ],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        IRecordRule[] rules = [new PurchaseOrderReceipts()];
        return new FlowParts(new PurchaseOrdersStream(GgFlowParts.Client(context), context.Links),
            new ReceiptSink(OptiplySinks.Client(context), context.Clock), rules);
    }
}
