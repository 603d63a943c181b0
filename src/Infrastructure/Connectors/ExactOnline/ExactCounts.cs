using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>Counts of Exact records for the reconciliation report: one <c>$count</c> call each.</summary>
public static class ExactCounts
{
    /// <summary>
    /// A filter every row passes. Exact requires a <c>$filter</c> on regular endpoints that have a sync twin, and
    /// does not say whether <c>$count</c> is exempt: a count of everything asks with this one rather than find out.
    /// </summary>
    private const string Every = "ID ne guid'00000000-0000-0000-0000-000000000000'";

    /// <param name="resource">A regular endpoint, e.g. "logistics/Items" (sync endpoints page by Timestamp and offer no count).</param>
    public static RecordCount Of(string resource, string filter = Every) =>
        async (context, ct) => await ExactOnlineClient.Create(context).CountAsync(resource, filter, ct);

    /// <summary>Every item, as the products flow reads them from the Items sync endpoint.</summary>
    public static readonly RecordCount Items = Of("logistics/Items");

    /// <summary>Accounts that are suppliers, as the suppliers flow keeps them.</summary>
    public static readonly RecordCount Suppliers = Of("crm/Accounts", "IsSupplier eq true");

    /// <summary>Supplier items (the item-supplier link), as the supplier products flow reads them.</summary>
    public static readonly RecordCount SupplierItems = Of("logistics/SupplierItem");
}
