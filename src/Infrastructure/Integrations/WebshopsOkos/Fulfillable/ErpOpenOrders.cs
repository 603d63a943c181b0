using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Fulfillable;

/// <summary>
/// The ERP's open, not yet invoiced order documents with what the fulfillable view weighs them against: the stock of
/// every warehouse and the products' purchasing data. Read live in six calls (plus the documents' pages); nothing is kept.
/// </summary>
public sealed class ErpOpenOrders
{
    private readonly IReadOnlyList<JsonObject> _stock;

    private ErpOpenOrders(IReadOnlyList<OpenOrder> orders, IReadOnlyList<JsonObject> stock, IReadOnlyDictionary<string, PurchasingData> products,
        IReadOnlyDictionary<string, string> warehouses)
    {
        Orders = orders;
        _stock = stock;
        Products = products;
        Warehouses = warehouses;
    }

    /// <summary>Oldest first (then by number), as the stock is allocated.</summary>
    public IReadOnlyList<OpenOrder> Orders { get; }
    public IReadOnlyDictionary<string, PurchasingData> Products { get; }
    /// <summary>Warehouse names by id, for people reading the orders.</summary>
    public IReadOnlyDictionary<string, string> Warehouses { get; }

    public static async Task<ErpOpenOrders> ReadAsync(OkosClient erp, CancellationToken ct)
    {
        var documents = await erp.AllDocumentsAsync("order", "open", ct);
        var products = await erp.ProductsAsync(null, ct);
        var customers = (await erp.CustomersAsync(null, null, null, ct)).ToDictionary(c => OkosClient.Text(c, "id"), c => OkosClient.Text(c, "name"));
        var stock = await erp.StockAsync(null, ct);
        var warehouses = (await erp.WarehousesAsync(ct)).GroupBy(w => w.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var byId = products.ToDictionary(p => OkosClient.Text(p, "id"));
        var orders = documents.Select(d => Order(d, byId, customers))
            .OrderBy(o => o.Date).ThenBy(o => o.Number, StringComparer.Ordinal).ToList();
        var purchasing = products.Select(p => new PurchasingData(OkosClient.Text(p, "code"), OkosClient.Text(p, "name"), OkosClient.Number(p, "minimumStock"),
                p["defaultSupplier"]?["name"]?.ToString(), p["defaultSupplier"]?["itemCode"]?.ToString()))
            .GroupBy(p => p.ProductCode).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new ErpOpenOrders(orders, stock, purchasing, warehouses);
    }

    public IReadOnlyList<FulfillableOrder> Allocate() =>
        FulfillableOrders.Allocate(Orders, _stock.ToDictionary(s => (OkosClient.Text(s, "productCode"), OkosClient.Text(s, "warehouseId")), s => OkosClient.Number(s, "physical")));

    /// <summary>The purchase list of the given orders, against the stock of the warehouses they draw from.</summary>
    public IReadOnlyList<PurchaseRow> PurchaseListFor(IReadOnlyCollection<OpenOrder> orders) =>
        PurchaseList.For(orders, StockIn(orders.Select(o => o.WarehouseId).ToHashSet(StringComparer.Ordinal)), Products);

    /// <summary>Each product's stock figures summed over the given warehouses (those the selected orders draw from).</summary>
    public IReadOnlyDictionary<string, StockFigures> StockIn(IReadOnlySet<string> warehouses) =>
        _stock.Where(s => warehouses.Contains(OkosClient.Text(s, "warehouseId")))
            .GroupBy(s => OkosClient.Text(s, "productCode"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new StockFigures(g.Key, g.Sum(s => OkosClient.Number(s, "physical")),
                g.Sum(s => OkosClient.Number(s, "reserved")), g.Sum(s => OkosClient.Number(s, "incoming"))), StringComparer.Ordinal);

    // Service lines (shipping, fees, discounts) take no stock: only product lines count.
    private static OpenOrder Order(JsonObject document, IReadOnlyDictionary<string, JsonObject> products, IReadOnlyDictionary<string, string> customers)
    {
        var lines = (document["lines"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(l => l["productId"]?.ToString() is { Length: > 0 } id && products.ContainsKey(id))
            .Select(l =>
            {
                var product = products[l["productId"]!.ToString()];
                var name = OkosClient.Text(product, "name");
                return new OpenOrderLine(OkosClient.Text(product, "code"), name.Length > 0 ? name : OkosClient.Text(l, "description"), OkosClient.Number(l, "quantity"));
            })
            .ToList();
        var date = DateTime.TryParse(OkosClient.Text(document, "date"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : DateTime.MinValue;
        // The hub posts a webshop's order with externalId "<webshop key>:<order id>"; an order keyed otherwise came from elsewhere.
        var externalId = OkosClient.Text(document, "externalId");
        var webshop = externalId.IndexOf(':') is > 0 and var colon ? externalId[..colon] : null;
        return new OpenOrder(OkosClient.Text(document, "id"), OkosClient.Text(document, "number"), date, OkosClient.Text(document, "warehouseId"),
            customers.GetValueOrDefault(OkosClient.Text(document, "customerId")) ?? "", lines, webshop);
    }
}
