namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>
/// The UNAS option "all new orders" or "only orders that reached an invoiceable status": InvoiceStatus 1, or 2 for
/// an order invoiced in UNAS before the hub saw it (it reached the status; the hub must not lose it).
/// </summary>
public static class UnasOrderFilter
{
    public static bool Imports(OrderStatuses option, int? invoiceStatus) =>
        option == OrderStatuses.All || invoiceStatus is 1 or 2;

    public const string WaitingReason = "This UNAS order has not reached an invoiceable status yet; it is imported once it does.";
}
