using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>
/// POST purchaseorder/PurchaseOrders as Exact handles it: Supplier and at least one line with Item and
/// QuantityInPurchaseUnits are required; Exact fills in the ID, OrderNumber (when absent), Source 11 (REST API),
/// the statuses (10 open), the supplier's code and purchase terms, Quantity and AmountDC.
/// </summary>
public static class ExactPurchaseOrderPost
{
    /// <summary>The created order (header key PurchaseOrderID), or the message of Exact's 400 answer.</summary>
    public static (JsonObject? Order, string? Error) Create(ExactDivision d, JsonObject body, DateTimeOffset now)
    {
        var supplierId = Guid(body["Supplier"]);
        if (supplierId is null) return (null, "Mandatory: Supplier");
        var supplier = d.Set(ExactDivision.Accounts).Find(supplierId);
        if (supplier is null || supplier["IsSupplier"]?.GetValue<bool>() != true) return (null, $"Supplier: the account {supplierId} is not a supplier.");
        if (body["PurchaseOrderLines"] is not JsonArray { Count: > 0 } lines) return (null, "Mandatory: PurchaseOrderLines");

        var warehouses = d.Set(ExactDivision.Warehouses);
        var warehouse = Guid(body["Warehouse"]) is { } w ? warehouses.Find(w) : warehouses.Rows.FirstOrDefault(x => (int?)x["Main"] == 1);
        if (warehouse is null) return (null, "Warehouse: the warehouse does not exist.");

        foreach (var field in new[] { "OrderDate", "ReceiptDate" })
        {
            var (date, error) = Date(body[field], field);
            if (error is not null) return (null, error);
            body[field] = date;
        }

        var orderId = System.Guid.NewGuid().ToString();
        var today = ExactDate.Format(now);
        var numbers = d.Set(ExactDivision.PurchaseOrders).Rows.Select(o => (int?)o["OrderNumber"] ?? 0);
        var created = new List<JsonObject>();
        double total = 0;
        var lineNumber = 0;
        foreach (var node in lines)
        {
            if (node is not JsonObject line) return (null, "Error processing request stream. The request should be a valid top-level resource object.");
            var itemId = Guid(line["Item"]);
            var item = itemId is null ? null : d.Set(ExactDivision.Items).Find(itemId);
            if (item is null) return (null, $"Mandatory: Item (line {lineNumber + 1})");
            if (line["QuantityInPurchaseUnits"] is not JsonValue q || q.GetValueKind() != JsonValueKind.Number)
                return (null, $"Mandatory: QuantityInPurchaseUnits (line {lineNumber + 1})");
            var (lineReceipt, dateError) = Date(line["ReceiptDate"], $"ReceiptDate (line {lineNumber + 1})");
            if (dateError is not null) return (null, dateError);
            line["ReceiptDate"] = lineReceipt;
            var quantity = double.Parse(q.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            var terms = d.Set(ExactDivision.SupplierItem).Rows.FirstOrDefault(s => (string?)s["Item"] == itemId && (string?)s["Supplier"] == supplierId);
            var factor = (double?)terms?["PurchaseUnitFactor"] ?? 1;
            var price = line["UnitPrice"] is JsonValue p && p.GetValueKind() == JsonValueKind.Number
                ? double.Parse(p.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
                : (double?)terms?["PurchasePrice"] ?? 0;
            var amount = Math.Round(quantity * price, 2);
            total += amount;
            created.Add(new JsonObject
            {
                ["ID"] = System.Guid.NewGuid().ToString(), ["PurchaseOrderID"] = orderId, ["LineNumber"] = ++lineNumber,
                ["Item"] = itemId, ["ItemCode"] = item["Code"]?.DeepClone(), ["QuantityInPurchaseUnits"] = quantity,
                ["Quantity"] = quantity * factor, ["ReceivedQuantity"] = 0.0, ["AmountDC"] = amount, ["NetPrice"] = price, ["UnitPrice"] = price,
                ["Unit"] = terms?["PurchaseUnit"]?.DeepClone() ?? item["Unit"]?.DeepClone(),
                ["ReceiptDate"] = line["ReceiptDate"]?.DeepClone() ?? body["ReceiptDate"]?.DeepClone() ?? today,
                ["SupplierItemCode"] = terms?["SupplierItemCode"]?.DeepClone(), ["VATCode"] = "2", ["Description"] = item["Description"]?.DeepClone(),
            });
        }

        var order = new JsonObject
        {
            ["PurchaseOrderID"] = orderId,
            ["OrderNumber"] = body["OrderNumber"] is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? n.DeepClone() : numbers.DefaultIfEmpty(0).Max() + 1,
            ["OrderDate"] = body["OrderDate"]?.DeepClone() ?? today, ["ReceiptDate"] = body["ReceiptDate"]?.DeepClone() ?? today,
            ["AmountDC"] = Math.Round(total, 2), ["AmountFC"] = Math.Round(total, 2), ["Currency"] = "EUR",
            ["Supplier"] = supplierId, ["SupplierCode"] = supplier["Code"]?.DeepClone(), ["SupplierName"] = supplier["Name"]?.DeepClone(),
            ["Warehouse"] = warehouse["ID"]?.DeepClone(), ["WarehouseCode"] = warehouse["Code"]?.DeepClone(),
            ["OrderStatus"] = 10, ["ReceiptStatus"] = 10, ["InvoiceStatus"] = 10, ["Source"] = 11, ["DropShipment"] = false,
            ["YourRef"] = body["YourRef"]?.DeepClone(), ["Description"] = body["Description"]?.DeepClone(), ["Remarks"] = body["Remarks"]?.DeepClone(),
            ["PurchaseAgent"] = "5d8c0a3e-2b77-4a0e-9f6a-0c1d2e3f4a5b", ["Creator"] = "5d8c0a3e-2b77-4a0e-9f6a-0c1d2e3f4a5b", ["Created"] = today,
        };
        d.Save(ExactDivision.PurchaseOrders, order);
        foreach (var line in created) d.Save(ExactDivision.PurchaseOrderLines, line);
        return (order, null);
    }

    /// <summary>
    /// Exact takes dates as "/Date(ms)/" or ISO 8601 text and stores them as dates: they read back in its own form,
    /// like every other date it serves.
    /// </summary>
    private static (JsonNode? Date, string? Error) Date(JsonNode? value, string field)
    {
        if (value is null || value.GetValueKind() == JsonValueKind.Null) return (null, null);
        var text = value.GetValueKind() == JsonValueKind.String ? (string?)value : null;
        if (ExactDate.TryParseMilliseconds(text, out _)) return (JsonValue.Create(text), null);
        if (text is not null && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed))
        {
            // A time with an offset is converted to Dutch wall-clock time; a bare date or time is taken as it is.
            return (JsonValue.Create(parsed.Kind == DateTimeKind.Unspecified ? ExactDate.Format(parsed) : ExactDate.Format(new DateTimeOffset(parsed.ToUniversalTime()))), null);
        }
        return (null, $"{field}: '{value.ToJsonString()}' is not a valid date.");
    }

    private static string? Guid(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String && System.Guid.TryParse((string?)v, out var g) ? g.ToString() : null;
}
