using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>Orders created before the tenant's start date (compared as a date in Europe/Amsterdam) are never sent.</summary>
public sealed class SkipOrdersBefore(DateOnly since) : IRecordRule
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public RuleDecision Apply(JsonObject data)
    {
        if (GgJson.Date(data["createDate"]) is not { } created)
            return new RuleDecision.Skip("This order has no order date in GoedGepickt, so it cannot become a sale in Optiply.");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(created, Amsterdam).DateTime);
        return day < since
            ? new RuleDecision.Skip($"Order placed on {day:yyyy-MM-dd}, before the sync start date {since:yyyy-MM-dd}.", Log: false, "sellOrders.since")
            : RuleDecision.Continue(data);
    }
}

/// <summary>A cancelled GoedGepickt order is removed from Optiply (if it was sent).</summary>
public sealed class DeleteCancelledOrder : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        string.Equals(GgJson.Text(data["status"]), "cancelled", StringComparison.OrdinalIgnoreCase)
            ? new RuleDecision.Delete("The order was cancelled in GoedGepickt.")
            : RuleDecision.Continue(data);
}

/// <summary>
/// The seed's sale fields: a line per product (GG uuid, quantity, subtotal = the line's <c>totalPrice</c>), a product
/// that appears twice in one order as one line with the sums, bundle heads (<c>type=parent</c>) left out (their parts
/// are the lines that count); "Placed" = the order date in UTC and "LinesTotal" = the sum of the subtotals.
/// </summary>
public sealed class SellOrderLines : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var lines = (data["products"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(l => !string.Equals(GgJson.Text(l["type"]), "parent", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (lines.Any(l => string.IsNullOrEmpty(GgJson.Text(l["productUuid"]))))
            return new RuleDecision.Skip("A line of this order has no product in GoedGepickt, so the sale cannot be counted per product in Optiply.");
        var grouped = lines
            .GroupBy(l => GgJson.Text(l["productUuid"])!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new JsonObject
            {
                ["productUuid"] = g.Key,
                ["sku"] = GgJson.Text(g.First()["sku"]),
                ["quantity"] = g.Sum(l => GgJson.Int(l["productQuantity"]) ?? 0),
                ["subtotalValue"] = Math.Round(g.Sum(l => GgJson.Number(l["totalPrice"]) ?? 0m), 2),
            })
            .ToList();
        var result = (JsonObject)data.DeepClone();
        result["OrderLines"] = new JsonArray(grouped.Select(l => (JsonNode)l).ToArray());
        result["LinesTotal"] = grouped.Sum(l => l["subtotalValue"]!.GetValue<decimal>());
        result["Placed"] = GgJson.Date(data["createDate"]) is { } placed ? GgJson.Utc(placed) : null;
        return RuleDecision.Continue(result);
    }
}
