using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.Products;

/// <summary>What the products mapping can read: Exact's item fields as read, and the fields the flow's rules add.</summary>
internal static class ProductSourceFields
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["ID"] = "Exact item id",
        ["Code"] = "Item code",
        ["Description"] = "Item description",
        ["SearchCode"] = "Search code",
        ["Barcode"] = "EAN barcode",
        ["Unit"] = "Sales unit code",
        ["IsStockItem"] = "Kept in stock (false for services)",
        ["IsPurchaseItem"] = "Can be purchased",
        ["IsMakeItem"] = "Made in house (0 or 1)",
        ["StartDate"] = "Valid from",
        ["EndDate"] = "Valid until",
        ["Timestamp"] = "Exact row version",
    };

    public static IReadOnlyList<SourceField> All { get; } =
    [
        .. ExactItemFields.SyncItem.Select(f => new SourceField(f.Key, TypeName(f.Value), Descriptions.GetValueOrDefault(f.Key, ""))),
        new("Prices", "list", "Sales price list entries of the item"),
        new("Stock", "list", "Stock per warehouse"),
        new("SalesPrice", "number", "Added by the flow: the general price in the item's unit"),
        new("StockLevel", "number", "Added by the flow: stock of the chosen warehouses"),
        new("HasComposition", "boolean", "Added by the flow when assembled comes from compositions: has a bill of material"),
        new("settings.products.assembledFrom", "text", "Option: where assembled comes from (makeItem or compositions)"),
        new("settings.products.mapStockLevel", "boolean", "Option: send stock levels"),
        new("settings.products.mapStatus", "boolean", "Option: send status"),
        new("settings.warehouses.mode", "text", "Option: which warehouses count (main, subset, all)"),
    ];

    private static string TypeName(ExactType type) => type.ToString().ToLowerInvariant() switch
    {
        "guid" => "text",
        var other => other,
    };
}
