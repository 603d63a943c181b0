using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// The seed's "Receipt Lines" tables (goods receipts, assembly orders). remoteId = ID is sent by the sink.
/// A receipt line belongs to a buy order line: "buyOrderLineRemoteId" names the Exact purchase order line
/// (for an assembly order, the order itself, which is its buy order's one line); the sink turns it into
/// Optiply's buyOrderLineId through the links of the buy-orders flow.
/// </summary>
public static class ReceiptLineMapping
{
    private static readonly Condition IsAssembly = Cond.Equals(Copy("Source"), ReceiptLineSource.AssemblyOrder);

    public static FieldMapping Default { get; } = FieldMapping.Of(
        ("buyOrderLineRemoteId", If(IsAssembly, Copy("ID"), Copy("PurchaseOrderLineID"))),
        // Optiply counts whole units; a negative quantity is a return.
        ("quantity", Round(If(IsAssembly, Copy("FinishedQuantity"), Copy("QuantityReceived")), 0)),
        ("occurred", If(IsAssembly, Copy("SyncTime"), Copy("Created"))));
}
