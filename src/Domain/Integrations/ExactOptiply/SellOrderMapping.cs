using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// The seed's three "Sell Orders" tables (from sales orders, sales invoices, production orders) as one
/// mapping that branches on the record's source. remoteId is the Exact key of each table (OrderID,
/// InvoiceID, ID); the sink sends it. The lines ("Sell Order Lines" tables) are built per source by
/// <see cref="BuildSellOrderLines"/>, since a mapping rule works on one value, not on a list.
/// </summary>
public static class SellOrderMapping
{
    private static Condition Is(string source) => Cond.Equals(Copy("Source"), source);

    public static FieldMapping Default { get; } = FieldMapping.Of(
        ("placed", If(Is(SellOrderSource.SalesInvoice), Copy("InvoiceDate"),
            If(Is(SellOrderSource.ProductionOrder), Copy("PlannedStartDate"), Copy("OrderDate")))),
        ("completed", If(Is(SellOrderSource.SalesInvoice), Copy("InvoiceDate"),
            If(Is(SellOrderSource.ProductionOrder), Copy("PlannedDate"), Copy("DeliveryDate")))),
        // Production orders carry no sales value: the seed sends 0.
        ("totalValue", If(Is(SellOrderSource.ProductionOrder), Const(0), Round(Copy("AmountDC"), 2))),
        ("orderLines", Copy("OrderLines")));
}
