using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply.Suppliers;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrdersToExact;

/// <summary>
/// New Optiply buy orders to Exact purchase orders (when settings.buyOrders.toExact, on by default): ReceiptDate
/// from the supplier's delivery time, lines by SKU, quantities in purchase units with the lot option, and Exact's
/// ids written back so nothing is sent twice.
/// </summary>
public static class BuyOrdersToExactFlow
{
    public const string Key = "buy-orders-to-exact";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Buy orders to Exact",
        // Optiply buy-order id -> Exact PurchaseOrderID.
        Entity = "buy-order-to-exact",
        DependsOn = [ProductsFlow.Key, SuppliersFlow.Key],
        SourceSystem = "Optiply",
        TargetSystem = "Exact Online",
        Title = new("Optiply buy order {id}", "{SupplierName}"),
        DefaultMapping = BuyOrderToExactMapping.Default,
        TargetFields =
        [
            new("OrderNumber", "number", "Optiply's buy-order id"),
            new("Supplier", "text", "Exact supplier (account id)"),
            new("OrderDate", "datetime", "Order date"),
            new("ReceiptDate", "date", "Expected receipt date"),
            new("PurchaseOrderLines", "list", "Lines: Item and QuantityInPurchaseUnits, sorted by SKU"),
        ],
        SourceFields =
        [
            new("id", "number", "Optiply buy-order id"),
            new("placed", "datetime", "When the buy order was placed"),
            new("supplierId", "number", "Optiply supplier"),
            new("SupplierName", "text", "Added by the flow: the Optiply supplier's name"),
            new("DeliveryTime", "number", "Added by the flow: the supplier's delivery time in days"),
            new("ExactSupplierId", "text", "Added by the flow: the Exact account behind the supplier"),
            new("ReceiptDate", "date", "Added by the rules: sync time + delivery time (or per the option)"),
            new("ExactLines", "list", "Added by the rules: the mapped lines, sorted by SKU"),
        ],
        // A purchase order is created once; changes in Optiply afterwards are not sent (Exact leads from then on).
        CreateOnly = true,
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<ExactOptiplySettings>().BuyOrders;
        var optiply = OptiplySinks.Client(context);
        IRecordRule[] rules =
        [
            new SkipAssemblyBuyOrders(),
            new ReceiptDateForExact(context.Clock.GetUtcNow(), settings.ReceiptDateWithoutDeliveryTime),
            new MapLinesForExact(settings.UseLot),
        ];
        // Switched off (buyOrders.toExact = false): the run reads nothing and sends nothing.
        ISourceStream source = settings.ToExact ? new OptiplyNewBuyOrdersStream(optiply, context) : new NothingToSend();
        return new FlowParts(source, new ExactPurchaseOrderSink(ExactOnlineClient.Create(context), optiply), rules);
    }

    private sealed class NothingToSend : ISourceStream
    {
        public IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, CancellationToken ct) => AsyncEnumerable.Empty<SourcePage>();
        public Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) => Task.FromResult<SourceRecord?>(null);
    }
}
