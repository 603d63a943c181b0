using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>
/// What a user does in Exact between two syncs, for tests and demos: change an item, a price, stock, a purchase
/// order, receive goods, delete. Each change bumps Timestamps and writes the Deleted log as Exact does.
/// </summary>
public sealed partial class ExactOnlineSandbox
{
    /// <summary>A copy of every row of an entity set ("Items", "SalesItemPrices", "ItemWarehouses", ...).</summary>
    public IReadOnlyList<JsonObject> Rows(string division, string set)
    {
        var d = Division(division);
        lock (d.Lock) return d.Set(set).Rows.Select(r => (JsonObject)r.DeepClone()).ToList();
    }

    public JsonObject? Item(string division, string code)
    {
        var d = Division(division);
        lock (d.Lock) return (JsonObject?)FindItem(d, code)?.DeepClone();
    }

    /// <summary>Changes an item as a user in Exact would: the item gets a new Timestamp and Modified date.</summary>
    public JsonObject ChangeItem(string division, string code, Action<JsonObject> change)
    {
        var d = Division(division);
        lock (d.Lock)
        {
            var item = FindItem(d, code) ?? throw new ArgumentException($"Division {division} has no item {code}.");
            change(item);
            return (JsonObject)d.Save(ExactDivision.Items, item).DeepClone();
        }
    }

    /// <summary>Deletes an item and its prices and stock rows, each logged in the Deleted endpoint.</summary>
    public void DeleteItem(string division, string code)
    {
        var d = Division(division);
        lock (d.Lock)
        {
            var item = FindItem(d, code) ?? throw new ArgumentException($"Division {division} has no item {code}.");
            var id = (string)item["ID"]!;
            foreach (var set in new[] { ExactDivision.SalesItemPrices, ExactDivision.ItemWarehouses, ExactDivision.SupplierItem })
                foreach (var row in d.Set(set).Rows.Where(r => string.Equals((string?)r["Item"], id, StringComparison.OrdinalIgnoreCase)).ToList())
                    d.Delete(set, (string)row["ID"]!);
            d.Delete(ExactDivision.Items, id);
        }
    }

    /// <summary>Enters a new general sales price: the current one gets an end date, as Exact does.</summary>
    public void ChangePrice(string division, string code, double price)
    {
        var d = Division(division);
        lock (d.Lock)
        {
            var item = FindItem(d, code) ?? throw new ArgumentException($"Division {division} has no item {code}.");
            var id = (string)item["ID"]!;
            var today = _clock.GetUtcNow().UtcDateTime.Date;
            foreach (var current in d.Set(ExactDivision.SalesItemPrices).Rows
                         .Where(p => (string?)p["Item"] == id && p["Account"] is null && p["EndDate"] is null && (string?)p["Unit"] == (string?)p["DefaultItemUnit"]).ToList())
            {
                current["EndDate"] = ExactDate.Format(today.AddDays(-1));
                d.Save(ExactDivision.SalesItemPrices, current);
            }
            d.Save(ExactDivision.SalesItemPrices, new JsonObject
            {
                ["ID"] = Guid.NewGuid().ToString(), ["Item"] = id, ["ItemCode"] = code, ["ItemDescription"] = item["Description"]?.DeepClone(),
                ["Account"] = null, ["AccountName"] = null, ["Price"] = price, ["Currency"] = "EUR",
                ["Unit"] = item["Unit"]?.DeepClone(), ["DefaultItemUnit"] = item["Unit"]?.DeepClone(), ["NumberOfItemsPerUnit"] = 1.0,
                ["Quantity"] = 0.0, ["StartDate"] = ExactDate.Format(today), ["EndDate"] = null,
            });
        }
    }

    /// <summary>Sets an item's stock in one warehouse (creating the ItemWarehouse row when missing).</summary>
    public void ChangeStock(string division, string code, string warehouseCode, double currentStock)
    {
        var d = Division(division);
        lock (d.Lock)
        {
            var item = FindItem(d, code) ?? throw new ArgumentException($"Division {division} has no item {code}.");
            var warehouse = d.Set(ExactDivision.Warehouses).Rows.FirstOrDefault(w => (string?)w["Code"] == warehouseCode)
                ?? throw new ArgumentException($"Division {division} has no warehouse {warehouseCode}.");
            var row = d.Set(ExactDivision.ItemWarehouses).Rows.FirstOrDefault(r => (string?)r["Item"] == (string?)item["ID"] && (string?)r["WarehouseCode"] == warehouseCode)
                ?? new JsonObject
                {
                    ["ID"] = Guid.NewGuid().ToString(), ["Item"] = item["ID"]?.DeepClone(), ["ItemCode"] = code,
                    ["Warehouse"] = warehouse["ID"]?.DeepClone(), ["WarehouseCode"] = warehouseCode,
                    ["PlannedStockIn"] = 0.0, ["PlannedStockOut"] = 0.0, ["ReservedStock"] = 0.0,
                    ["SafetyStock"] = 0.0, ["ReorderPoint"] = 0.0, ["MaximumStock"] = 0.0,
                };
            row["CurrentStock"] = currentStock;
            row["ProjectedStock"] = currentStock + (double)row["PlannedStockIn"]! - (double)row["PlannedStockOut"]!;
            d.Save(ExactDivision.ItemWarehouses, row);
        }
    }

    /// <summary>Changes any row by ID (bumping its Timestamp), e.g. a supplier in "Accounts".</summary>
    public JsonObject Change(string division, string set, string id, Action<JsonObject> change)
    {
        var d = Division(division);
        lock (d.Lock)
        {
            var row = d.Set(set).Find(id) ?? throw new ArgumentException($"Division {division} has no {set} row {id}.");
            change(row);
            return (JsonObject)d.Save(set, row).DeepClone();
        }
    }

    /// <summary>Deletes any row by ID, logging it in the Deleted endpoint.</summary>
    public bool Delete(string division, string set, string id)
    {
        var d = Division(division);
        lock (d.Lock) return d.Delete(set, id);
    }

    /// <summary>
    /// Edits a purchase order as a user in Exact would: header fields and lines (change, add, remove) in one go.
    /// Exact bumps the Timestamp of the header and of every line on any change, so the sync endpoint returns
    /// the whole order again; a removed line simply is not among its rows any more.
    /// </summary>
    public void ChangePurchaseOrder(string division, string purchaseOrderId, Action<JsonObject, List<JsonObject>> change)
    {
        var d = Division(division);
        lock (d.Lock)
        {
            var orders = d.Set(ExactDivision.PurchaseOrders);
            var order = orders.Find(purchaseOrderId) ?? throw new ArgumentException($"Division {division} has no purchase order {purchaseOrderId}.");
            var before = orders.LinesOf("PurchaseOrderLines", purchaseOrderId).ToList();
            var lines = before.ToList();
            change(order, lines);
            if (lines.Count == 0) throw new ArgumentException("Exact does not allow deleting the last line of a purchase order.");
            foreach (var gone in before.Where(b => !lines.Contains(b)))
                d.Set(ExactDivision.PurchaseOrderLines).Remove((string)gone["ID"]!);
            var number = 0;
            foreach (var line in lines)
            {
                line["ID"] ??= Guid.NewGuid().ToString();
                line["PurchaseOrderID"] = purchaseOrderId;
                line["LineNumber"] = ++number;
                line["ReceivedQuantity"] ??= 0.0;
                d.Set(ExactDivision.PurchaseOrderLines).Put(line);
            }
            order["AmountDC"] = Math.Round(lines.Sum(l => (double?)l["AmountDC"] ?? 0), 2);
            d.SaveWithLines(ExactDivision.PurchaseOrders, "PurchaseOrderLines", order);
        }
    }

    /// <summary>Receives goods on a purchase order line: a GoodsReceiptLine, more ReceivedQuantity, ReceiptStatus 20 or 30.</summary>
    public void ReceiveGoods(string division, string purchaseOrderId, string itemCode, double quantity)
    {
        var d = Division(division);
        lock (d.Lock)
        {
            var orders = d.Set(ExactDivision.PurchaseOrders);
            var order = orders.Find(purchaseOrderId) ?? throw new ArgumentException($"Division {division} has no purchase order {purchaseOrderId}.");
            var lines = orders.LinesOf("PurchaseOrderLines", purchaseOrderId).ToList();
            var line = lines.FirstOrDefault(l => (string?)l["ItemCode"] == itemCode) ?? throw new ArgumentException($"The order has no line for {itemCode}.");
            line["ReceivedQuantity"] = (double)line["ReceivedQuantity"]! + quantity;
            d.Save(ExactDivision.GoodsReceiptLines, new JsonObject
            {
                ["ID"] = Guid.NewGuid().ToString(), ["GoodsReceiptID"] = Guid.NewGuid().ToString(), ["PurchaseOrderID"] = purchaseOrderId,
                ["PurchaseOrderLineID"] = line["ID"]?.DeepClone(), ["PurchaseOrderNumber"] = order["OrderNumber"]?.DeepClone(),
                ["Item"] = line["Item"]?.DeepClone(), ["ItemCode"] = itemCode, ["QuantityOrdered"] = line["Quantity"]?.DeepClone(),
                ["QuantityReceived"] = quantity, ["LineNumber"] = line["LineNumber"]?.DeepClone(), ["Location"] = null,
                ["Created"] = ExactDate.Format(_clock.GetUtcNow()),
            });
            var complete = lines.All(l => (double)l["ReceivedQuantity"]! >= (double)l["Quantity"]!);
            order["ReceiptStatus"] = complete ? 30 : 20;
            if (complete) order["OrderStatus"] = 30;
            d.SaveWithLines(ExactDivision.PurchaseOrders, "PurchaseOrderLines", order);
        }
    }

    private static JsonObject? FindItem(ExactDivision d, string code) =>
        d.Set(ExactDivision.Items).Rows.FirstOrDefault(i => string.Equals((string?)i["Code"], code, StringComparison.OrdinalIgnoreCase));
}
