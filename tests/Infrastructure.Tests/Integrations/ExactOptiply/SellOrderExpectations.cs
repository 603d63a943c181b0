using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

/// <summary>What the generated Exact division holds, read the way the seed's rules look at it, and what Optiply holds.</summary>
internal static class SellOrderExpectations
{
    public static List<JsonObject> Rows(this ExactOptiplyHub hub, string set) => hub.Exact.Rows(ExactOptiplyHub.Division, set).ToList();

    public static string Id(this JsonObject row, string key = "ID") => row[key]!.ToString().ToLowerInvariant();

    public static string MainWarehouse(this ExactOptiplyHub hub) => hub.ExactRow(ExactDivision.Warehouses, "Code", "1").Id();

    public static List<JsonObject> LinesOf(this ExactOptiplyHub hub, string set, string foreignKey, string id) =>
        hub.Rows(set).Where(l => string.Equals(l[foreignKey]?.ToString(), id, StringComparison.OrdinalIgnoreCase)).ToList();

    public static bool IsDropShipment(this ExactOptiplyHub hub, JsonObject order)
    {
        var lines = hub.LinesOf(ExactDivision.SalesOrderLines, "OrderID", order.Id("OrderID"));
        return lines.Count > 0 && lines.All(l => (int)l["UseDropShipment"]! == 1);
    }

    /// <summary>The sales orders the default options sync: not cancelled, not drop-shipped, from the main warehouse.</summary>
    public static List<JsonObject> SyncedSalesOrders(this ExactOptiplyHub hub, bool onlyCompleted = false, bool allWarehouses = false) =>
        hub.Rows(ExactDivision.SalesOrders)
            .Where(o => (int)o["Status"]! != 45 && (!onlyCompleted || (int)o["Status"]! == 21))
            .Where(o => allWarehouses || o.Id("WarehouseID") == hub.MainWarehouse())
            .Where(o => !hub.IsDropShipment(o))
            .ToList();

    /// <summary>An invoice's warehouse: its own (direct invoices) or its sales order's.</summary>
    public static string? WarehouseOf(this ExactOptiplyHub hub, JsonObject invoice)
    {
        if (invoice["Warehouse"] is not null) return invoice.Id("Warehouse");
        var order = hub.LinesOf(ExactDivision.SalesInvoiceLines, "InvoiceID", invoice.Id("InvoiceID")).Select(l => l["SalesOrder"]?.ToString()).FirstOrDefault(o => o is not null);
        return order is null ? null : hub.Rows(ExactDivision.SalesOrders).Single(o => o.Id("OrderID") == order.ToLowerInvariant()).Id("WarehouseID");
    }

    public static bool FromSalesOrder(this ExactOptiplyHub hub, JsonObject invoice) =>
        hub.LinesOf(ExactDivision.SalesInvoiceLines, "InvoiceID", invoice.Id("InvoiceID")).Any(l => l["SalesOrder"] is not null);

    public static IReadOnlyList<JsonObject> SellOrders(this ExactOptiplyHub hub) => hub.Optiply.SellOrders(ExactOptiplyHub.Account);

    /// <summary>An Optiply sell order's lines as Exact item id -> (quantity, subtotal).</summary>
    public static Dictionary<string, (decimal Quantity, decimal Subtotal)> OptiplyLines(this ExactOptiplyHub hub, JsonObject sellOrder)
    {
        var products = hub.Optiply.Products(ExactOptiplyHub.Account)
            .ToDictionary(p => p["id"]!.ToString(), p => p["remoteIdMap"]![OptiplyDemoLogin.CouplingId]!.ToString().ToLowerInvariant());
        return hub.Optiply.Records(ExactOptiplyHub.Account, "sellOrderLines")
            .Where(l => l["sellOrderId"]!.ToString() == sellOrder["id"]!.ToString())
            .ToDictionary(l => products[l["productId"]!.ToString()], l => ((decimal)l["quantity"]!, Money(l["subtotalValue"])));
    }

    /// <summary>Exact document lines as the seed maps them: per item, quantity and AmountDC summed.</summary>
    public static Dictionary<string, (decimal Quantity, decimal Subtotal)> ExpectedLines(IEnumerable<JsonObject> lines) =>
        lines.GroupBy(l => l.Id("Item")).ToDictionary(g => g.Key,
            g => (Math.Round(g.Sum(l => (decimal)(double)l["Quantity"]!), 0), Math.Round(g.Sum(l => (decimal)(double)l["AmountDC"]!), 2)));

    public static decimal Money(JsonNode? value) => decimal.Parse(value!.ToString(), CultureInfo.InvariantCulture);

    public static DateTimeOffset OptiplyDate(JsonNode? value) => DateTimeOffset.Parse(value!.ToString(), CultureInfo.InvariantCulture);

    public static DateTimeOffset ExactDateOf(JsonNode? value) => ExactDate.Parse(value!.ToString())!.Value;

    public static JsonObject SellOrderOptions(string salesOrders = "all", string salesInvoices = "off", string productionOrders = "off", string warehouses = "main") =>
        new()
        {
            ["sellOrders"] = new JsonObject { ["salesOrders"] = salesOrders, ["salesInvoices"] = salesInvoices, ["productionOrders"] = productionOrders },
            ["warehouses"] = new JsonObject { ["mode"] = warehouses },
        };
}
