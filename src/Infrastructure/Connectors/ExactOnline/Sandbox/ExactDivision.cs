using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>
/// One Exact administration ("division"): its entity sets, its row-version counter (Timestamp) and its
/// Deleted log. Every change bumps the Timestamp, so the sync endpoints see exactly what changed.
/// </summary>
public sealed class ExactDivision
{
    public ExactDivision(int code, string name, TimeProvider clock)
    {
        Code = code;
        Name = name;
        _clock = clock;
        foreach (var set in NewSets()) _sets[set.Name] = set;
        Link(PurchaseOrders, "PurchaseOrderLines", PurchaseOrderLines, "PurchaseOrderID");
        Link(SalesOrders, "SalesOrderLines", SalesOrderLines, "OrderID");
        Link(SalesInvoices, "SalesInvoiceLines", SalesInvoiceLines, "InvoiceID");
        Link(AssemblyOrders, "PartItems", AssemblyOrderParts, "AssemblyOrderID");
    }

    private readonly TimeProvider _clock;
    private readonly Dictionary<string, ExactEntitySet> _sets = new(StringComparer.OrdinalIgnoreCase);

    // Exact's Timestamps are large row-version numbers, never small counters: start high so a client that
    // treats "gt 1" as the beginning is exercised like against the real system.
    private long _timestamp = 7_340_000;

    public int Code { get; }
    public string Name { get; }
    /// <summary>Guards every read and write of this division's data.</summary>
    public Lock Lock { get; } = new();
    public DateTime DivisionMoveDate { get; set; } = new(2019, 3, 1);

    public ExactEntitySet Set(string name) => _sets[name];

    private void Link(string header, string navigation, string lines, string foreignKey) =>
        _sets[header].Navigations[navigation] = (_sets[lines], foreignKey);

    /// <summary>
    /// The rows of a "combined" sync endpoint (sync PurchaseOrders, sync SalesInvoices): one row per header with
    /// LineNumber 0 and ID = the header key, and one per line carrying the header's fields too.
    /// </summary>
    public ExactEntitySet Combined(string header, string navigation)
    {
        var headers = _sets[header];
        var (lines, _) = headers.Navigations[navigation];
        var combined = new ExactEntitySet(header, "ID", headers.Type, headers.DeletedEntityType, headers.Fields.Concat(lines.Fields));
        foreach (var h in headers.Rows)
        {
            var headerRow = Strip(h, headers.Key);
            headerRow["ID"] = (string)h[headers.Key]!;
            headerRow["LineNumber"] = 0;
            combined.Put(headerRow);
            foreach (var line in headers.LinesOf(navigation, (string)h[headers.Key]!))
            {
                var row = Strip(h, headers.Key);
                foreach (var (name, value) in line) row[name] = value?.DeepClone();
                combined.Put(row);
            }
        }
        return combined;
    }

    private static JsonObject Strip(JsonObject header, string key)
    {
        var row = new JsonObject();
        foreach (var (name, value) in header) row[name] = value?.DeepClone();
        row[key] = header[key]?.DeepClone();
        return row;
    }

    /// <summary>Saves a header and all its lines together: Exact bumps the Timestamp of both on any change.</summary>
    public void SaveWithLines(string header, string navigation, JsonObject row, DateTime? modified = null)
    {
        Save(header, row, modified);
        var (lines, _) = _sets[header].Navigations[navigation];
        foreach (var line in _sets[header].LinesOf(navigation, (string)row[_sets[header].Key]!).ToList()) Save(lines.Name, line, modified);
    }

    public long LastTimestamp => _timestamp;

    /// <summary>Adds or replaces a row, giving it a new Timestamp and Modified date.</summary>
    /// <param name="modified">Generated history carries its own dates; live changes happen now.</param>
    public JsonObject Save(string set, JsonObject row, DateTime? modified = null)
    {
        row["Timestamp"] = ++_timestamp;
        row["Modified"] = modified is { } m ? ExactDate.Format(m) : ExactDate.Format(_clock.GetUtcNow());
        row["Division"] = Code;
        _sets[set].Put(row);
        return row;
    }

    /// <summary>Removes a row and writes it to the Deleted log (EntityKey = the row's key).</summary>
    public bool Delete(string set, string id)
    {
        var entities = _sets[set];
        // An order's lines go with it (Exact logs only the order in Deleted).
        foreach (var (lines, foreignKey) in entities.Navigations.Values)
            foreach (var line in lines.Where(foreignKey, id).ToList())
                lines.Remove((string)line[lines.Key]!);
        if (!entities.Remove(id)) return false;
        var now = ExactDate.Format(_clock.GetUtcNow());
        // Exact keeps the Deleted log for two months only.
        var cutoff = ExactDate.Format(_clock.GetUtcNow().AddMonths(-2));
        ExactDate.TryParseMilliseconds(cutoff, out var cutoffMs);
        foreach (var old in _sets[Deleted].Rows.Where(r => ExactDate.TryParseMilliseconds((string?)r["DeletedDate"], out var ms) && ms < cutoffMs).ToList())
            _sets[Deleted].Remove((string)old["ID"]!);
        _sets[Deleted].Put(new JsonObject
        {
            ["ID"] = Guid.NewGuid().ToString(),
            ["EntityKey"] = id.ToLowerInvariant(),
            ["EntityType"] = entities.DeletedEntityType,
            ["Division"] = Code,
            ["DeletedBy"] = "5d8c0a3e-2b77-4a0e-9f6a-0c1d2e3f4a5b",
            ["DeletedDate"] = now,
            ["Timestamp"] = ++_timestamp,
        });
        return true;
    }

    public void Clear()
    {
        foreach (var set in _sets.Values) set.Clear();
    }

    public const string Items = "Items";
    public const string SalesItemPrices = "SalesItemPrices";
    public const string Warehouses = "Warehouses";
    public const string ItemWarehouses = "ItemWarehouses";
    public const string Accounts = "Accounts";
    public const string SupplierItem = "SupplierItem";
    public const string Deleted = "Deleted";
    public const string BillOfMaterialVersions = "BillOfMaterialVersions";
    public const string BillOfMaterialMaterials = "BillOfMaterialMaterials";
    public const string SalesOrders = "SalesOrders";
    public const string SalesOrderLines = "SalesOrderLines";
    public const string SalesInvoices = "SalesInvoices";
    public const string SalesInvoiceLines = "SalesInvoiceLines";
    public const string PurchaseOrders = "PurchaseOrders";
    public const string PurchaseOrderLines = "PurchaseOrderLines";
    public const string GoodsReceiptLines = "GoodsReceiptLines";
    public const string ShopOrders = "ShopOrders";
    public const string AssemblyOrders = "AssemblyOrders";
    public const string AssemblyOrderParts = "AssemblyOrderParts";

    // EntityType codes from Exact's Deleted documentation.
    private static IEnumerable<ExactEntitySet> NewSets() =>
    [
        new(Items, "ID", "Exact.Web.Api.Models.Logistics.Item", 9,
            ["Code", "Description", "SearchCode", "Barcode", "Unit", "UnitDescription", "IsStockItem", "IsPurchaseItem", "IsSalesItem",
             "IsMakeItem", "IsOnDemandItem", "IsFractionAllowedItem", "StartDate", "EndDate", "Stock", "CostPriceStandard", "AverageCost",
             "ItemGroupCode", "Created", "Modified"]),
        new(SalesItemPrices, "ID", "Exact.Web.Api.Models.Logistics.SalesItemPrice", 8,
            ["Item", "ItemCode", "ItemDescription", "Account", "AccountName", "Price", "Currency", "Unit", "DefaultItemUnit",
             "NumberOfItemsPerUnit", "Quantity", "StartDate", "EndDate", "Modified"]),
        new(Warehouses, "ID", "Exact.Web.Api.Models.Inventory.Warehouse", 0,
            ["Code", "Description", "Main", "EMail", "UseStorageLocations", "Created", "Modified"]),
        new(ItemWarehouses, "ID", "Exact.Web.Api.Models.Inventory.ItemWarehouse", 19,
            ["Item", "ItemCode", "Warehouse", "WarehouseCode", "CurrentStock", "PlannedStockIn", "PlannedStockOut", "ProjectedStock",
             "ReservedStock", "SafetyStock", "ReorderPoint", "MaximumStock", "Modified"]),
        new(Accounts, "ID", "Exact.Web.Api.Models.CRM.Account", 2,
            ["Code", "Name", "Email", "IsSupplier", "IsSales", "Status", "Blocked", "PurchaseLeadDays", "PurchaseCurrency", "StartDate", "EndDate",
             "Modified"]),
        new(SupplierItem, "ID", "Exact.Web.Api.Models.Logistics.SupplierItem", 30,
            ["Item", "ItemCode", "ItemDescription", "Supplier", "SupplierCode", "SupplierDescription", "SupplierItemCode", "PurchasePrice",
             "PurchaseUnit", "PurchaseUnitFactor", "PurchaseLotSize", "MinimumQuantity", "PurchaseLeadTime", "MainSupplier", "Currency",
             "DropShipment", "StartDate", "EndDate", "Modified"]),
        new(Deleted, "ID", "Exact.Web.Api.Models.Sync.Deleted", 0,
            ["EntityKey", "EntityType"]),
        new(BillOfMaterialVersions, "ID", "Exact.Web.Api.Models.Manufacturing.BillOfMaterialVersion", 55,
            ["Item", "Description", "IsDefault", "BatchQuantity", "VersionNumber", "Status", "Type", "Modified"]),
        new(BillOfMaterialMaterials, "ID", "Exact.Web.Api.Models.Manufacturing.BillOfMaterialMaterial", 54,
            ["ItemVersion", "PartItem", "PartItemCode", "Description", "Quantity", "QuantityBatch", "Type", "LineNumber", "sysmodified"]),
        new(SalesOrders, "OrderID", "Exact.Web.Api.Models.SalesOrder.SalesOrder", 32,
            ["OrderNumber", "OrderDate", "DeliveryDate", "AmountDC", "AmountFC", "Currency", "Status", "DeliveryStatus", "InvoiceStatus",
             "ApprovalStatus", "OrderedBy", "OrderedByName", "WarehouseID", "WarehouseCode", "YourRef", "Created", "Modified"]),
        new(SalesOrderLines, "ID", "Exact.Web.Api.Models.SalesOrder.SalesOrderLine", 33,
            ["OrderID", "OrderNumber", "Item", "ItemCode", "LineNumber", "Quantity", "QuantityDelivered", "QuantityInvoiced", "AmountDC",
             "NetPrice", "UnitPrice", "UnitCode", "DeliveryDate", "UseDropShipment", "ShopOrder"]),
        new(SalesInvoices, "InvoiceID", "Exact.Web.Api.Models.SalesInvoice.SalesInvoice", 13,
            ["InvoiceNumber", "InvoiceDate", "AmountDC", "Status", "Type", "Warehouse", "OrderNumber", "OrderDate", "OrderedBy", "InvoiceTo",
             "Journal", "Currency", "Created", "Modified"]),
        new(SalesInvoiceLines, "ID", "Exact.Web.Api.Models.SalesInvoice.SalesInvoiceLine", 0,
            ["InvoiceID", "LineNumber", "Item", "ItemCode", "Quantity", "AmountDC", "SalesOrder", "SalesOrderLine", "SalesOrderNumber", "DeliveryDate"]),
        new(PurchaseOrders, "PurchaseOrderID", "Exact.Web.Api.Models.PurchaseOrder.PurchaseOrder", 22,
            ["OrderNumber", "OrderDate", "ReceiptDate", "AmountDC", "AmountFC", "Currency", "Supplier", "SupplierCode", "SupplierName", "Warehouse",
             "WarehouseCode", "OrderStatus", "ReceiptStatus", "InvoiceStatus", "Source", "DropShipment", "YourRef", "Description", "Remarks",
             "PurchaseAgent", "Creator", "Created", "Modified"]),
        new(PurchaseOrderLines, "ID", "Exact.Web.Api.Models.PurchaseOrder.PurchaseOrderLine", 0,
            ["PurchaseOrderID", "LineNumber", "Item", "ItemCode", "QuantityInPurchaseUnits", "Quantity", "ReceivedQuantity", "AmountDC", "NetPrice",
             "UnitPrice", "Unit", "ReceiptDate", "SupplierItemCode", "VATCode", "Description", "Modified"]),
        new(GoodsReceiptLines, "ID", "Exact.Web.Api.Models.PurchaseOrder.GoodsReceiptLine", 0,
            ["GoodsReceiptID", "PurchaseOrderID", "PurchaseOrderLineID", "PurchaseOrderNumber", "Item", "ItemCode", "QuantityOrdered",
             "QuantityReceived", "LineNumber", "Location", "Created", "Modified"]),
        new(ShopOrders, "ID", "Exact.Web.Api.Models.Manufacturing.ShopOrder", 36,
            ["ShopOrderNumber", "Item", "ItemCode", "PlannedQuantity", "ProducedQuantity", "PlannedStartDate", "PlannedDate", "EntryDate",
             "Status", "Type", "Warehouse", "YourRef", "IsReleased", "ItemVersion", "Created", "Modified"]),
        new(AssemblyOrders, "ID", "Exact.Web.Api.Models.Inventory.AssemblyOrder", 0,
            ["OrderNumber", "OrderDate", "AssemblyDate", "FinishedAssemblyDate", "Item", "ItemCode", "PlannedQuantity", "FinishedQuantity",
             "OrderStatus", "Type", "Warehouse", "WarehouseCode"]),
        new(AssemblyOrderParts, "ID", "Exact.Web.Api.Models.Inventory.AssemblyOrderPartItem", 0,
            ["AssemblyOrderID", "Item", "ItemCode", "PlannedQuantity", "LineNumber"]),
    ];
}
