using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.GoedGepickt;

/// <summary>Counts of GoedGepickt lists for the reconciliation report, within the connection's webshop and fulfilment customer.</summary>
public static class GoedGepicktCounts
{
    /// <summary>Products of the connection's webshop (and fulfilment customer), as the products flow reads them.</summary>
    public static readonly RecordCount Products = async (context, ct) =>
    {
        var client = Client(context);
        return await client.CountAsync("products", client.Scope(), ct);
    };

    /// <summary>
    /// The account's suppliers. Not counted for a fulfilment account: a supplier is not tied to a fulfilment customer,
    /// so the suppliers flow syncs none there and the account's total would not be this customer's.
    /// </summary>
    public static readonly RecordCount Suppliers = async (context, ct) =>
    {
        var client = Client(context);
        return client.Account.IsFulfilment ? null : await client.CountAsync("suppliers", [], ct);
    };

    private static GoedGepicktClient Client(FlowContext context) =>
        GoedGepicktClient.For(context.Connection(GoedGepicktAccount.System), context.Http);
}
