using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;

/// <summary>Documents, stock and the change feed: open orders reserve, receipts raise physical stock, invoicing takes it out.</summary>
internal sealed partial class OkosCompany
{
    public List<Document> Documents { get; } = [];
    /// <summary>Physical stock per (product code, warehouse).</summary>
    private readonly Dictionary<(string Code, string Warehouse), decimal> _physical = [];
    private readonly List<(long Cursor, string Kind, string ProductCode)> _changes = [];
    private long _cursor;

    public sealed class Document
    {
        public required string Id { get; init; }
        public required string Type { get; init; }
        public string? Number { get; init; }
        public string Status { get; set; } = "open";
        public string? ExternalId { get; init; }
        public required string WarehouseId { get; init; }
        public required JsonObject Posted { get; init; }
        public required List<(string ProductCode, decimal Quantity)> Stock { get; init; }
        /// <summary>A purchase order's quantities not received yet (they count as incoming).</summary>
        public Dictionary<string, decimal> Outstanding { get; } = new(StringComparer.Ordinal);

        public JsonObject ToJson()
        {
            var json = (JsonObject)Posted.DeepClone();
            json["id"] = Id;
            json["number"] = Number;
            json["status"] = Status;
            return json;
        }
    }

    public static readonly string[] DocumentFields =
        ["type", "numberingSequence", "externalId", "customerId", "warehouseId", "date", "currency", "headerNote", "internalNote",
         "paymentMethodId", "shippingMethodId", "lines"];
    private static readonly string[] LineFields = ["productId", "serviceId", "description", "quantity", "unit", "netUnitPrice", "vatKey", "discountPercent"];

    /// <returns>The document, and whether it existed already (same externalId).</returns>
    public (Document Document, bool Existed) CreateDocument(JsonObject body)
    {
        var type = OkosBody.Text(body, "type");
        if (type is not ("order" or "receipt" or "purchaseOrder"))
            throw OkosProblem.Field("type", "The type must be order, receipt or purchaseOrder.");
        var externalId = body["externalId"]?.ToString();
        if (externalId is { Length: > 0 } && DocumentByExternalId(externalId) is { } existing)
            return (existing, true);
        var warehouse = OkosBody.Text(body, "warehouseId");
        CheckWarehouse("warehouseId", warehouse);
        var stock = Lines(body, type == "order");
        string? number = null;
        if (type == "order")
        {
            foreach (var field in new[] { "numberingSequence", "customerId", "date" })
                if (string.IsNullOrWhiteSpace(OkosBody.Text(body, field))) throw OkosProblem.Field(field, "This field is required.");
            var sequence = Sequences.FirstOrDefault(s => s.Code == OkosBody.Text(body, "numberingSequence"))
                           ?? throw OkosProblem.Field("numberingSequence", $"The numbering sequence \"{OkosBody.Text(body, "numberingSequence")}\" does not exist.");
            if (!HasCustomer(OkosBody.Text(body, "customerId")))
                throw OkosProblem.Field("customerId", $"There is no customer {OkosBody.Text(body, "customerId")}.");
            CheckReference(body, "paymentMethodId", PaymentMethods);
            CheckReference(body, "shippingMethodId", ShippingMethods);
            number = $"{sequence.Prefix}{sequence.Next++:D5}";
        }
        var document = new Document
        {
            Id = NewId(), Type = type, Number = number, ExternalId = externalId, WarehouseId = warehouse,
            Status = type == "receipt" ? "closed" : "open", Posted = (JsonObject)body.DeepClone(), Stock = stock,
        };
        AddDocument(document);
        if (type == "purchaseOrder")
            foreach (var (code, quantity) in stock) document.Outstanding[code] = document.Outstanding.GetValueOrDefault(code) + quantity;
        if (type == "receipt")
            foreach (var (code, quantity) in stock)
            {
                _physical[(code, warehouse)] = _physical.GetValueOrDefault((code, warehouse)) + quantity;
                Receive(code, warehouse, quantity);
            }
        foreach (var code in stock.Select(s => s.Item1).Distinct()) Changed("stock", code);
        return (document, false);
    }

    /// <summary>Turns an open order into an invoiced one: its reservation ends and its stock leaves the warehouse.</summary>
    public Document Invoice(string documentId)
    {
        var document = Documents.FirstOrDefault(d => d.Id == documentId) ?? throw new OkosProblem(404, "Not found", $"There is no document {documentId}.");
        if (document.Type != "order" || document.Status != "open")
            throw new OkosProblem(409, "Conflict", $"Document {documentId} is not an open order.");
        document.Status = "invoiced";
        foreach (var (code, quantity) in document.Stock)
        {
            _physical[(code, document.WarehouseId)] = _physical.GetValueOrDefault((code, document.WarehouseId)) - quantity;
            Changed("stock", code);
        }
        return document;
    }

    /// <summary>Sets a product's physical stock directly (a stock count in the ERP), recording a change.</summary>
    public void SetPhysical(string productCode, string warehouseId, decimal quantity)
    {
        _physical[(productCode, warehouseId)] = quantity;
        Changed("stock", productCode);
    }

    public IEnumerable<JsonObject> Stock(string? warehouseId)
    {
        var keys = _physical.Keys.Concat(Documents.Where(d => d.Type != "receipt").SelectMany(d => d.Stock.Select(s => (Code: s.ProductCode, Warehouse: d.WarehouseId))))
            .Where(k => warehouseId is null || k.Warehouse == warehouseId).Distinct().OrderBy(k => k.Code, StringComparer.Ordinal).ThenBy(k => k.Warehouse, StringComparer.Ordinal);
        foreach (var (code, warehouse) in keys)
        {
            var physical = _physical.GetValueOrDefault((code, warehouse));
            var reserved = Sum("order", "open", code, warehouse);
            var incoming = Documents.Where(d => d.Type == "purchaseOrder" && d.Status == "open" && d.WarehouseId == warehouse).Sum(d => d.Outstanding.GetValueOrDefault(code));
            yield return new JsonObject
            {
                ["productCode"] = code, ["warehouseId"] = warehouse, ["physical"] = physical, ["reserved"] = reserved,
                ["free"] = physical - reserved, ["incoming"] = incoming,
            };
        }
    }

    public IEnumerable<JsonObject> Changes(long since, int limit) =>
        _changes.Where(c => c.Cursor > since).Take(limit).Select(c => new JsonObject
        {
            ["kind"] = c.Kind, ["productCode"] = c.ProductCode, ["cursor"] = c.Cursor.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>A receipt settles the oldest open purchase orders of its warehouse first; a fully received one closes.</summary>
    private void Receive(string code, string warehouse, decimal quantity)
    {
        foreach (var order in Documents.Where(d => d.Type == "purchaseOrder" && d.Status == "open" && d.WarehouseId == warehouse))
        {
            if (quantity <= 0) return;
            var taken = Math.Min(quantity, order.Outstanding.GetValueOrDefault(code));
            order.Outstanding[code] = order.Outstanding.GetValueOrDefault(code) - taken;
            quantity -= taken;
            if (order.Outstanding.Values.All(v => v <= 0)) order.Status = "closed";
        }
    }

    private void Changed(string kind, string productCode) => _changes.Add((++_cursor, kind, productCode));

    private decimal Sum(string type, string status, string code, string warehouse) =>
        Documents.Where(d => d.Type == type && d.Status == status && d.WarehouseId == warehouse)
            .SelectMany(d => d.Stock).Where(s => s.ProductCode == code).Sum(s => s.Quantity);

    private List<(string ProductCode, decimal Quantity)> Lines(JsonObject body, bool servicesAllowed)
    {
        if (body["lines"] is not JsonArray lines || lines.Count == 0) throw OkosProblem.Field("lines", "A document needs at least one line.");
        var stock = new List<(string, decimal)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"lines[{i}]";
            var line = OkosBody.Check(lines[i], LineFields, "quantity");
            var quantity = OkosBody.Number(line, "quantity");
            if (quantity <= 0) throw OkosProblem.Field($"{field}.quantity", "The quantity must be above zero.");
            if (line["vatKey"]?.ToString() is { } vat) CheckVatKey($"{field}.vatKey", vat);
            if (line["productId"]?.ToString() is { Length: > 0 } productId)
            {
                var product = Products.FirstOrDefault(p => p.Id == productId) ?? throw OkosProblem.Field($"{field}.productId", $"There is no product {productId}.");
                stock.Add((product.Code, quantity));
            }
            else if (!servicesAllowed || line["serviceId"]?.ToString() is not { Length: > 0 } serviceId)
                throw OkosProblem.Field($"{field}.productId", "A line needs a productId (or, on an order, a serviceId).");
            else if (!Services.Any(s => s["id"]?.ToString() == serviceId))
                throw OkosProblem.Field($"{field}.serviceId", $"There is no service {serviceId}.");
        }
        return stock;
    }

    private static void CheckReference(JsonObject body, string field, List<JsonObject> list)
    {
        if (body[field]?.ToString() is { Length: > 0 } id && !list.Any(x => x["id"]?.ToString() == id))
            throw OkosProblem.Field(field, $"There is no such id: {id}.");
    }
}
