using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>The Exact Online source streams the flows read, built for one run.</summary>
public static class ExactStreams
{
    /// <summary>
    /// Accounts that are suppliers (Optiply's tap reads the Accounts sync endpoint and keeps IsSupplier rows), then
    /// deleted accounts (EntityType 2; deletions of customers match no link and change nothing).
    /// </summary>
    public static ISourceStream Suppliers(FlowContext context) =>
        new ExactSyncStream(ExactOnlineClient.Create(context), new ExactSyncEntity("sync/CRM/Accounts", "crm/Accounts", SupplierFields, 2, ["ID"])
        {
            Keep = row => row["IsSupplier"] is JsonValue v && v.TryGetValue<bool>(out var isSupplier) && isSupplier,
        });

    /// <summary>Supplier items (the item-supplier link with purchase price, lot size, lead time), then their deletions (EntityType 30).</summary>
    public static ISourceStream SupplierItems(FlowContext context) => SupplierItems(ExactOnlineClient.Create(context));

    /// <summary>Supplier items read with a client the flow shares with its other Exact reads (one token, one rate budget).</summary>
    public static ISourceStream SupplierItems(ExactOnlineClient exact) =>
        new ExactSyncStream(exact, new ExactSyncEntity("sync/Logistics/SupplierItem", "logistics/SupplierItem", SupplierItemFields, 30, ["ID", "Item", "Supplier"]));

    public static readonly IReadOnlyDictionary<string, ExactType> SupplierFields = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["Code"] = ExactType.Text,
        ["Name"] = ExactType.Text,
        ["Email"] = ExactType.Text,
        ["IsSupplier"] = ExactType.Boolean,
        ["PurchaseLeadDays"] = ExactType.Number,
        ["PurchaseCurrency"] = ExactType.Text,
        ["Status"] = ExactType.Text,
        ["Blocked"] = ExactType.Boolean,
        ["StartDate"] = ExactType.Date,
        ["EndDate"] = ExactType.Date,
        ["Modified"] = ExactType.Date,
    };

    public static readonly IReadOnlyDictionary<string, ExactType> SupplierItemFields = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["Item"] = ExactType.Guid,
        ["ItemCode"] = ExactType.Text,
        ["ItemDescription"] = ExactType.Text,
        ["Supplier"] = ExactType.Guid,
        ["SupplierCode"] = ExactType.Text,
        ["SupplierDescription"] = ExactType.Text,
        ["SupplierItemCode"] = ExactType.Text,
        ["PurchasePrice"] = ExactType.Number,
        ["PurchaseUnit"] = ExactType.Text,
        ["PurchaseUnitFactor"] = ExactType.Number,
        ["PurchaseLotSize"] = ExactType.Number,
        ["MinimumQuantity"] = ExactType.Number,
        ["PurchaseLeadTime"] = ExactType.Number,
        ["MainSupplier"] = ExactType.Boolean,
        ["Currency"] = ExactType.Text,
        ["DropShipment"] = ExactType.Number,
        ["StartDate"] = ExactType.Date,
        ["EndDate"] = ExactType.Date,
        ["Modified"] = ExactType.Date,
    };
}
