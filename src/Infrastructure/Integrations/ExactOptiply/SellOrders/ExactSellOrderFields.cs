using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.SellOrders;

/// <summary>The Exact fields the sell-orders flow reads, with their documented types: $select asks for exactly these.</summary>
public static class ExactSellOrderFields
{
    public static readonly IReadOnlyDictionary<string, ExactType> SalesOrder = new Dictionary<string, ExactType>
    {
        ["OrderID"] = ExactType.Guid,
        ["OrderNumber"] = ExactType.Number,
        ["OrderDate"] = ExactType.Date,
        ["DeliveryDate"] = ExactType.Date,
        ["AmountDC"] = ExactType.Number,
        ["Currency"] = ExactType.Text,
        ["Status"] = ExactType.Number,
        ["WarehouseID"] = ExactType.Guid,
        ["WarehouseCode"] = ExactType.Text,
        ["Modified"] = ExactType.Date,
    };

    public static readonly IReadOnlyDictionary<string, ExactType> SalesOrderLine = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["OrderID"] = ExactType.Guid,
        ["LineNumber"] = ExactType.Number,
        ["Item"] = ExactType.Guid,
        ["ItemCode"] = ExactType.Text,
        ["Quantity"] = ExactType.Number,
        ["AmountDC"] = ExactType.Number,
        ["UseDropShipment"] = ExactType.Number,   // Byte 0/1 in Exact, not a boolean
    };

    public static readonly IReadOnlyDictionary<string, ExactType> SalesInvoice = new Dictionary<string, ExactType>
    {
        ["InvoiceID"] = ExactType.Guid,
        ["InvoiceNumber"] = ExactType.Number,
        ["InvoiceDate"] = ExactType.Date,
        ["AmountDC"] = ExactType.Number,
        ["Currency"] = ExactType.Text,
        ["Status"] = ExactType.Number,
        ["Type"] = ExactType.Number,
        // Only direct invoices carry a warehouse; an invoice of an order takes the order's.
        ["Warehouse"] = ExactType.Guid,
        ["OrderNumber"] = ExactType.Number,
        ["Modified"] = ExactType.Date,
    };

    public static readonly IReadOnlyDictionary<string, ExactType> SalesInvoiceLine = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["InvoiceID"] = ExactType.Guid,
        ["LineNumber"] = ExactType.Number,
        ["Item"] = ExactType.Guid,
        ["ItemCode"] = ExactType.Text,
        ["Quantity"] = ExactType.Number,
        ["AmountDC"] = ExactType.Number,
        ["SalesOrder"] = ExactType.Guid,
    };

    public static readonly IReadOnlyDictionary<string, ExactType> ShopOrder = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["ShopOrderNumber"] = ExactType.Number,
        ["Item"] = ExactType.Guid,
        ["ItemCode"] = ExactType.Text,
        ["PlannedQuantity"] = ExactType.Number,
        ["PlannedStartDate"] = ExactType.Date,
        ["PlannedDate"] = ExactType.Date,
        ["Status"] = ExactType.Number,
        ["Warehouse"] = ExactType.Guid,
        ["Modified"] = ExactType.Date,
    };
}
