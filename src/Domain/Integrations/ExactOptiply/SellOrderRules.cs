using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using static Koppel.Domain.Integrations.ExactOptiply.SellOrderSource;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// Which Exact documents become Optiply sell orders: sources switched off are left alone, "completed" keeps
/// sales orders with Status 21, processed invoices (Status 50) and finished or completed production orders
/// (Status 30/40); cancelled sales orders (Status 45) are deleted from Optiply; with sales orders and invoices
/// both on, an invoice made from a sales order is left out (the order already counts those sales).
/// </summary>
public sealed class SellOrderSourceFilter(SellOrderSettings settings) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var source = ExactJson.Text(data["Source"]) ?? "";
        var status = ExactJson.Number(data["Status"]);
        // Checked before the options: an order synced earlier must leave Optiply once cancelled, whatever the filter says now.
        if (source == SalesOrder && status == 45)
            return new RuleDecision.Delete("It was cancelled in Exact Online (status 45).");

        var filter = FilterOf(settings, source);
        if (filter == SourceFilter.Off)
            return new RuleDecision.Skip($"Sell orders from {Describe(source)} are switched off for this tenant.", Log: false, OptionOf(source));
        if (filter == SourceFilter.Completed && !IsCompleted(source, status))
            return new RuleDecision.Skip($"Only completed {Describe(source)} are synced, and this one has status {status}.", Log: false, OptionOf(source));
        if (source == SalesInvoice && settings.SalesOrders != SourceFilter.Off && FromSalesOrder(data))
            return new RuleDecision.Skip("This invoice comes from a sales order, which is synced itself; sending both would count the sale twice.", Log: false, "sellOrders.salesOrders");
        return RuleDecision.Continue(data);
    }

    /// <summary>The option (its path in the tenant's settings) that filters documents of this source.</summary>
    public static string OptionOf(string source) => source switch
    {
        SalesInvoice => "sellOrders.salesInvoices",
        ProductionOrder => "sellOrders.productionOrders",
        _ => "sellOrders.salesOrders",
    };

    public static bool IsCompleted(string source, decimal? status) => source switch
    {
        SalesOrder => status == 21,
        SalesInvoice => status == 50,
        ProductionOrder => status is 30 or 40,
        _ => false,
    };

    private static bool FromSalesOrder(JsonObject data) =>
        ExactJson.Number(data["OrderNumber"]) is not null
        || (data["Lines"] as JsonArray ?? []).OfType<JsonObject>().Any(l => ExactJson.Guid(l["SalesOrder"]) is not null);

    public static string Describe(string source) => source switch
    {
        SalesOrder => "sales orders",
        SalesInvoice => "sales invoices",
        ProductionOrder => "production orders",
        _ => "this source",
    };
}

/// <summary>
/// Builds "OrderLines" per the seed's "Sell Order Lines" tables: item, quantity and subtotal (AmountDC) of
/// sales order and invoice lines; the made item, PlannedQuantity and 0 for a production order. Drop-shipment
/// lines never touch the customer's stock and are left out (an order of only such lines is not synced);
/// lines of the same item are merged (Optiply takes each product once per order); quantities are whole
/// numbers in Optiply. Each line keeps the Exact item id ("productRemoteId") for the sink to resolve.
/// </summary>
public sealed class BuildSellOrderLines : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var source = ExactJson.Text(data["Source"]) ?? "";
        var warnings = new List<string>();
        var candidates = new List<(Guid? Item, string? Code, decimal Quantity, decimal Subtotal)>();
        var dropShipped = 0;
        if (source == ProductionOrder)
            candidates.Add((ExactJson.Guid(data["Item"]), ExactJson.Text(data["ItemCode"]), ExactJson.Number(data["PlannedQuantity"]) ?? 0, 0));
        else
            foreach (var line in (data["Lines"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (source == SalesOrder && ExactJson.Number(line["UseDropShipment"]) == 1)
                {
                    dropShipped++;
                    continue;
                }
                candidates.Add((ExactJson.Guid(line["Item"]), ExactJson.Text(line["ItemCode"]),
                    ExactJson.Number(line["Quantity"]) ?? 0, ExactJson.Number(line["AmountDC"]) ?? 0));
            }

        var withoutItem = candidates.Count(c => c.Item is null);
        if (withoutItem > 0) warnings.Add($"{withoutItem} line(s) without an item were left out.");
        var lines = candidates.Where(c => c.Item is not null)
            .GroupBy(c => c.Item!.Value)
            .Select(g => (Item: g.Key, Code: g.Select(c => c.Code).FirstOrDefault(c => c is not null), Quantity: g.Sum(c => c.Quantity), Subtotal: g.Sum(c => c.Subtotal)))
            .ToList();

        if (lines.Count == 0)
            return dropShipped > 0
                ? new RuleDecision.Skip("It is a drop-shipment order: it never passes the customer's own stock.", Log: false)
                : new RuleDecision.Skip("It has no lines with an item, so there is nothing for Optiply to count.");
        if (dropShipped > 0) warnings.Add($"{dropShipped} drop-shipment line(s) were left out.");

        var orderLines = new JsonArray();
        foreach (var (item, code, quantity, subtotal) in lines)
        {
            var whole = Math.Round(quantity, 0, MidpointRounding.AwayFromZero);
            if (whole != quantity) warnings.Add($"Item {code}: quantity {quantity} was rounded to {whole} (Optiply counts whole units).");
            orderLines.Add(new JsonObject
            {
                ["productRemoteId"] = item.ToString(),
                ["optiplyWebshopProductArticleCode"] = code,
                ["quantity"] = whole,
                ["subtotalValue"] = Math.Round(subtotal, 2),
            });
        }
        var result = (JsonObject)data.DeepClone();
        result["OrderLines"] = orderLines;
        return new RuleDecision.Keep(result, warnings);
    }
}
