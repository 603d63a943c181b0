namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>The fields the products flow reads from Exact, with their documented types: $select asks for exactly these.</summary>
public static class ExactItemFields
{
    public static readonly IReadOnlyDictionary<string, ExactType> Item = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["Code"] = ExactType.Text,
        ["Description"] = ExactType.Text,
        ["SearchCode"] = ExactType.Text,
        ["Barcode"] = ExactType.Text,
        ["Unit"] = ExactType.Text,
        ["UnitDescription"] = ExactType.Text,
        ["IsStockItem"] = ExactType.Boolean,
        ["IsPurchaseItem"] = ExactType.Boolean,
        ["IsSalesItem"] = ExactType.Boolean,
        ["IsMakeItem"] = ExactType.Number,      // Byte 0/1 in Exact, not a boolean
        ["IsOnDemandItem"] = ExactType.Number,
        ["IsFractionAllowedItem"] = ExactType.Boolean,
        ["StartDate"] = ExactType.Date,
        ["EndDate"] = ExactType.Date,
        // Not the item's own "Stock" (the total, read-only): the record's "Stock" is the list per warehouse.
        ["CostPriceStandard"] = ExactType.Number,
        ["AverageCost"] = ExactType.Number,
        ["ItemGroupCode"] = ExactType.Text,
        ["Created"] = ExactType.Date,
        ["Modified"] = ExactType.Date,
    };

    /// <summary>Item fields plus the sync endpoints' row version.</summary>
    public static readonly IReadOnlyDictionary<string, ExactType> SyncItem =
        new Dictionary<string, ExactType>(Item) { ["Timestamp"] = ExactType.Number };

    public static readonly IReadOnlyDictionary<string, ExactType> Price = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["Item"] = ExactType.Guid,
        ["Account"] = ExactType.Guid,          // null = general price; set = a customer's price agreement
        ["Price"] = ExactType.Number,
        ["Currency"] = ExactType.Text,
        ["Unit"] = ExactType.Text,
        ["DefaultItemUnit"] = ExactType.Text,
        ["NumberOfItemsPerUnit"] = ExactType.Number,
        ["Quantity"] = ExactType.Number,
        ["StartDate"] = ExactType.Date,
        ["EndDate"] = ExactType.Date,
        ["Modified"] = ExactType.Date,
    };

    public static readonly IReadOnlyDictionary<string, ExactType> Stock = new Dictionary<string, ExactType>
    {
        ["ID"] = ExactType.Guid,
        ["Item"] = ExactType.Guid,
        ["Warehouse"] = ExactType.Guid,
        ["WarehouseCode"] = ExactType.Text,
        ["CurrentStock"] = ExactType.Number,
        ["PlannedStockIn"] = ExactType.Number,
        ["PlannedStockOut"] = ExactType.Number,
        ["ProjectedStock"] = ExactType.Number,
        ["ReservedStock"] = ExactType.Number,
    };
}
