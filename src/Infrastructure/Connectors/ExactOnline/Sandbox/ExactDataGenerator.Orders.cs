using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>
/// Orders and bills of material: sales orders of every status (with drop-shipment lines and cancelled ones),
/// invoices (some from an order, some direct), purchase orders with receipts, shop orders, assembly orders,
/// and bills of material including one cycle (A is made of B and B of A), which Optiply cannot accept.
/// </summary>
public sealed partial class ExactDataGenerator
{
    private static readonly int[] SalesOrderStatuses = [12, 20, 21, 45];

    private JsonObject Pick(List<JsonObject> list) => list[_random.Next(list.Count)];

    private static string Id(JsonObject row, string key = "ID") => (string)row[key]!;

    private void BillsOfMaterial(List<JsonObject> items)
    {
        var made = items.Where(i => (int)i["IsMakeItem"]! == 1).ToList();
        foreach (var item in made)
        {
            var parts = Enumerable.Range(0, 2 + _random.Next(3)).Select(_ => Pick(items)).Where(p => p != item).Distinct().ToList();
            Bom(item, parts, batch: item == made[0] ? 4 : 1);
        }
        // The cycle: the first two items are each other's part.
        Bom(items[0], [items[1]], batch: 1);
        Bom(items[1], [items[0]], batch: 1);
    }

    private void Bom(JsonObject item, List<JsonObject> parts, double batch)
    {
        var version = division.Save(ExactDivision.BillOfMaterialVersions, new JsonObject
        {
            ["ID"] = NewId(), ["Item"] = Id(item), ["Description"] = $"Recept {item["Code"]}",
            ["IsDefault"] = 1, ["BatchQuantity"] = batch, ["VersionNumber"] = 1, ["Status"] = 30, ["Type"] = 20,
        }, Day(300));
        var line = 0;
        foreach (var part in parts)
        {
            var quantity = (double)(1 + _random.Next(4));
            var material = division.Save(ExactDivision.BillOfMaterialMaterials, new JsonObject
            {
                ["ID"] = NewId(), ["ItemVersion"] = Id(version), ["PartItem"] = Id(part), ["PartItemCode"] = part["Code"]?.DeepClone(),
                ["Description"] = part["Description"]?.DeepClone(), ["Quantity"] = quantity, ["QuantityBatch"] = quantity * batch,
                ["Type"] = 1, ["LineNumber"] = ++line,
            }, Day(300));
            // Exact names this one field in lower case; Optiply filters on it.
            material["sysmodified"] = material["Modified"]?.DeepClone();
        }
    }

    private void SalesOrders(List<JsonObject> items, List<JsonObject> customers, List<JsonObject> warehouses, int count)
    {
        for (var n = 1; n <= count; n++)
        {
            var status = SalesOrderStatuses[n % SalesOrderStatuses.Length];
            var customer = Pick(customers);
            var warehouse = n % 5 == 0 ? warehouses[1] : warehouses[0];
            var date = Day(400);
            var order = new JsonObject
            {
                ["OrderID"] = NewId(), ["OrderNumber"] = 1000 + n, ["OrderDate"] = ExactDate.Format(date),
                ["DeliveryDate"] = ExactDate.Format(date.AddDays(3)), ["Currency"] = "EUR", ["Status"] = status,
                ["DeliveryStatus"] = status == 21 ? 21 : status == 20 ? 20 : 12, ["InvoiceStatus"] = status == 21 ? 21 : 12,
                ["ApprovalStatus"] = 1, ["OrderedBy"] = Id(customer), ["OrderedByName"] = customer["Name"]?.DeepClone(),
                ["WarehouseID"] = Id(warehouse), ["WarehouseCode"] = warehouse["Code"]?.DeepClone(), ["YourRef"] = $"PO-{4400 + n}",
                ["Created"] = ExactDate.Format(date),
            };
            double total = 0;
            var lines = 1 + _random.Next(4);
            for (var l = 1; l <= lines; l++)
            {
                var item = Pick(items);
                var quantity = (double)(1 + _random.Next(10));
                var price = (double)item["StandardSalesPrice"]!;
                total += quantity * price;
                division.Save(ExactDivision.SalesOrderLines, new JsonObject
                {
                    ["ID"] = NewId(), ["OrderID"] = Id(order, "OrderID"), ["OrderNumber"] = 1000 + n, ["Item"] = Id(item),
                    ["ItemCode"] = item["Code"]?.DeepClone(), ["LineNumber"] = l, ["Quantity"] = quantity,
                    ["QuantityDelivered"] = status == 21 ? quantity : status == 20 && l == 1 ? quantity : 0.0,
                    ["QuantityInvoiced"] = status == 21 ? quantity : 0.0, ["AmountDC"] = Math.Round(quantity * price, 2),
                    ["NetPrice"] = price, ["UnitPrice"] = price, ["UnitCode"] = item["Unit"]?.DeepClone(),
                    ["DeliveryDate"] = ExactDate.Format(date.AddDays(3)),
                    // Every seventh order is drop-shipped: Optiply leaves those out (they never touch the stock).
                    ["UseDropShipment"] = n % 7 == 0 ? 1 : 0, ["ShopOrder"] = null,
                }, date);
            }
            order["AmountDC"] = Math.Round(total, 2);
            order["AmountFC"] = Math.Round(total, 2);
            division.Save(ExactDivision.SalesOrders, order, date);
        }
    }

    private void SalesInvoices(List<JsonObject> items, List<JsonObject> customers, List<JsonObject> warehouses, int count)
    {
        var orders = division.Set(ExactDivision.SalesOrders).Rows.Where(o => (int)o["Status"]! == 21).ToList();
        for (var n = 1; n <= count; n++)
        {
            // Half the invoices come from a completed order; the rest are direct invoices with a warehouse.
            var order = n % 2 == 0 && orders.Count > 0 ? orders[n % orders.Count] : null;
            var date = Day(400);
            var invoice = new JsonObject
            {
                ["InvoiceID"] = NewId(), ["InvoiceNumber"] = 25000 + n, ["InvoiceDate"] = ExactDate.Format(date),
                ["Status"] = n % 5 == 0 ? 20 : 50, ["Type"] = order is null ? 8023 : 8020,
                ["Warehouse"] = order is null ? Id(warehouses[0]) : null, ["OrderNumber"] = order?["OrderNumber"]?.DeepClone(),
                ["OrderDate"] = order?["OrderDate"]?.DeepClone(), ["OrderedBy"] = order?["OrderedBy"]?.DeepClone() ?? Id(Pick(customers)),
                ["Journal"] = "70", ["Currency"] = "EUR", ["Created"] = ExactDate.Format(date),
            };
            invoice["InvoiceTo"] = invoice["OrderedBy"]?.DeepClone();
            double total = 0;
            var sources = order is null
                ? Enumerable.Range(1, 1 + _random.Next(3)).Select(_ => (Item: Pick(items), Quantity: (double)(1 + _random.Next(6)), Line: (JsonObject?)null)).ToList()
                : division.Set(ExactDivision.SalesOrders).LinesOf("SalesOrderLines", Id(order, "OrderID"))
                    .Select(l => (Item: division.Set(ExactDivision.Items).Find((string)l["Item"]!)!, Quantity: (double)l["Quantity"]!, Line: (JsonObject?)l)).ToList();
            var number = 0;
            foreach (var (item, quantity, line) in sources)
            {
                var amount = Math.Round(quantity * (double)item["StandardSalesPrice"]!, 2);
                total += amount;
                division.Save(ExactDivision.SalesInvoiceLines, new JsonObject
                {
                    ["ID"] = NewId(), ["InvoiceID"] = Id(invoice, "InvoiceID"), ["LineNumber"] = ++number, ["Item"] = Id(item),
                    ["ItemCode"] = item["Code"]?.DeepClone(), ["Quantity"] = quantity, ["AmountDC"] = amount,
                    ["SalesOrder"] = order?["OrderID"]?.DeepClone(), ["SalesOrderLine"] = line?["ID"]?.DeepClone(),
                    ["SalesOrderNumber"] = order?["OrderNumber"]?.DeepClone(), ["DeliveryDate"] = ExactDate.Format(date),
                }, date);
            }
            invoice["AmountDC"] = Math.Round(total, 2);
            division.Save(ExactDivision.SalesInvoices, invoice, date);
        }
    }

    private void PurchaseOrders(List<JsonObject> items, List<JsonObject> suppliers, List<JsonObject> warehouses, int count)
    {
        var links = division.Set(ExactDivision.SupplierItem).Rows.ToList();
        // Grouped once: a scan of every link per order made large divisions take minutes to generate.
        var bySupplier = links.ToLookup(l => (string?)l["Supplier"]);
        for (var n = 1; n <= count; n++)
        {
            var supplier = suppliers[n % suppliers.Count];
            var offered = bySupplier[Id(supplier)].ToList();
            if (offered.Count == 0) offered = [links[n % links.Count]];
            var date = Day(400);
            // 10 open, 20 partly received, 30 complete, 40 cancelled.
            var status = (n % 4) switch { 0 => 10, 1 => 20, 2 => 30, _ => n % 8 == 3 ? 40 : 10 };
            var order = new JsonObject
            {
                ["PurchaseOrderID"] = NewId(), ["OrderNumber"] = 300 + n, ["OrderDate"] = ExactDate.Format(date),
                ["ReceiptDate"] = ExactDate.Format(date.AddDays(10)), ["Currency"] = "EUR", ["Supplier"] = Id(supplier),
                ["SupplierCode"] = supplier["Code"]?.DeepClone(), ["SupplierName"] = supplier["Name"]?.DeepClone(),
                ["Warehouse"] = Id(warehouses[0]), ["WarehouseCode"] = warehouses[0]["Code"]?.DeepClone(),
                ["OrderStatus"] = status, ["ReceiptStatus"] = status == 40 ? 10 : status, ["InvoiceStatus"] = 10, ["Source"] = 1,
                ["DropShipment"] = false, ["YourRef"] = null, ["Description"] = $"Inkooporder {300 + n}", ["Remarks"] = null,
                ["PurchaseAgent"] = "5d8c0a3e-2b77-4a0e-9f6a-0c1d2e3f4a5b", ["Creator"] = "5d8c0a3e-2b77-4a0e-9f6a-0c1d2e3f4a5b",
                ["Created"] = ExactDate.Format(date),
            };
            double total = 0;
            var lineNumber = 0;
            foreach (var link in offered.Take(1 + _random.Next(3)))
            {
                var quantity = (double)(6 * (1 + _random.Next(5)));
                var price = (double)link["PurchasePrice"]!;
                var received = status == 30 ? quantity : status == 20 && lineNumber == 0 ? quantity / 2 : 0.0;
                total += quantity * price;
                var line = division.Save(ExactDivision.PurchaseOrderLines, new JsonObject
                {
                    ["ID"] = NewId(), ["PurchaseOrderID"] = Id(order, "PurchaseOrderID"), ["LineNumber"] = ++lineNumber,
                    ["Item"] = link["Item"]?.DeepClone(), ["ItemCode"] = link["ItemCode"]?.DeepClone(), ["QuantityInPurchaseUnits"] = quantity,
                    ["Quantity"] = quantity, ["ReceivedQuantity"] = received, ["AmountDC"] = Math.Round(quantity * price, 2),
                    ["NetPrice"] = price, ["UnitPrice"] = price, ["Unit"] = link["PurchaseUnit"]?.DeepClone(),
                    ["ReceiptDate"] = order["ReceiptDate"]?.DeepClone(), ["SupplierItemCode"] = link["SupplierItemCode"]?.DeepClone(),
                    ["VATCode"] = "2", ["Description"] = link["ItemDescription"]?.DeepClone(),
                }, date);
                if (received > 0) ReceiptLine(order, line, received, date.AddDays(9));
            }
            order["AmountDC"] = Math.Round(total, 2);
            order["AmountFC"] = Math.Round(total, 2);
            division.Save(ExactDivision.PurchaseOrders, order, date);
        }
    }

    private void ReceiptLine(JsonObject order, JsonObject line, double quantity, DateTime at) =>
        division.Save(ExactDivision.GoodsReceiptLines, new JsonObject
        {
            ["ID"] = NewId(), ["GoodsReceiptID"] = NewId(), ["PurchaseOrderID"] = order["PurchaseOrderID"]?.DeepClone(),
            ["PurchaseOrderLineID"] = line["ID"]?.DeepClone(), ["PurchaseOrderNumber"] = order["OrderNumber"]?.DeepClone(),
            ["Item"] = line["Item"]?.DeepClone(), ["ItemCode"] = line["ItemCode"]?.DeepClone(), ["QuantityOrdered"] = line["Quantity"]?.DeepClone(),
            ["QuantityReceived"] = quantity, ["LineNumber"] = line["LineNumber"]?.DeepClone(), ["Location"] = null,
            ["Created"] = ExactDate.Format(at),
        }, at);

    private void ShopOrders(List<JsonObject> items, List<JsonObject> warehouses, int count)
    {
        var made = items.Where(i => (int)i["IsMakeItem"]! == 1).DefaultIfEmpty(items[0]).ToList();
        int[] statuses = [10, 20, 30, 40];
        for (var n = 1; n <= count; n++)
        {
            var item = made[n % made.Count];
            var start = Day(400);
            var status = statuses[n % statuses.Length];
            var planned = (double)(5 * (1 + _random.Next(10)));
            division.Save(ExactDivision.ShopOrders, new JsonObject
            {
                ["ID"] = NewId(), ["ShopOrderNumber"] = 700 + n, ["Item"] = Id(item), ["ItemCode"] = item["Code"]?.DeepClone(),
                ["PlannedQuantity"] = planned, ["ProducedQuantity"] = status >= 30 ? planned : status == 20 ? planned / 2 : 0.0,
                ["PlannedStartDate"] = ExactDate.Format(start), ["PlannedDate"] = ExactDate.Format(start.AddDays(5)),
                ["EntryDate"] = ExactDate.Format(start.AddDays(-2)), ["Status"] = status, ["Type"] = 9040,
                ["Warehouse"] = Id(warehouses[0]), ["YourRef"] = null, ["IsReleased"] = status >= 20, ["ItemVersion"] = null,
                ["Created"] = ExactDate.Format(start.AddDays(-2)),
            }, start);
        }
    }

    private void AssemblyOrders(List<JsonObject> items, List<JsonObject> warehouses, int count)
    {
        int[] statuses = [20, 30, 50];
        for (var n = 1; n <= count; n++)
        {
            var item = items[(n * 5) % items.Count];
            var date = Day(400);
            var status = statuses[n % statuses.Length];
            var planned = (double)(1 + _random.Next(20));
            var order = division.Save(ExactDivision.AssemblyOrders, new JsonObject
            {
                ["ID"] = NewId(), ["OrderNumber"] = 900 + n, ["OrderDate"] = ExactDate.Format(date),
                ["AssemblyDate"] = ExactDate.Format(date.AddDays(2)), ["FinishedAssemblyDate"] = status == 50 ? ExactDate.Format(date.AddDays(2)) : null,
                ["Item"] = Id(item), ["ItemCode"] = item["Code"]?.DeepClone(), ["PlannedQuantity"] = planned,
                ["FinishedQuantity"] = status == 50 ? planned : status == 30 ? Math.Floor(planned / 2) : 0.0,
                ["OrderStatus"] = status, ["Type"] = n % 6 == 0 ? 8061 : 8060,
                ["Warehouse"] = Id(warehouses[n % 2]), ["WarehouseCode"] = warehouses[n % 2]["Code"]?.DeepClone(), ["Created"] = ExactDate.Format(date),
            }, date);
            var part = items[(n * 5 + 1) % items.Count];
            division.Save(ExactDivision.AssemblyOrderParts, new JsonObject
            {
                ["ID"] = NewId(), ["AssemblyOrderID"] = Id(order), ["Item"] = Id(part), ["ItemCode"] = part["Code"]?.DeepClone(),
                ["PlannedQuantity"] = planned * 2, ["LineNumber"] = 1,
            }, date);
        }
    }
}
