using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>
/// Counts of Optiply resources for the reconciliation report: <c>meta.totalResourceCount</c> of a one-resource page
/// (the total Optiply's own integrations page by); null when Optiply leaves it out.
/// </summary>
public static class OptiplyCounts
{
    public static RecordCount Of(string type) =>
        async (context, ct) => (await OptiplySinks.Client(context).ListAsync(type, limit: 1, ct: ct)).Total;

    public static readonly RecordCount Products = Of(OptiplyEntity.Products.Type);
    public static readonly RecordCount Suppliers = Of(OptiplyEntity.Suppliers.Type);
    public static readonly RecordCount SupplierProducts = Of(OptiplyEntity.SupplierProducts.Type);
}
