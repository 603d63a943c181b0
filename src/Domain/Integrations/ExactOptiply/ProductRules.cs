using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// Adds "SalesPrice": the seed's product price (*1) — the last updated price without an end date, not tied
/// to a customer, in the item's own unit. Absent when the item has no such price.
/// </summary>
/// <remarks>The product rules add their field to the record they are given (see <see cref="IRecordRule"/>):
/// a copy of a record of some 60 nodes per rule was most of what a first run allocated.</remarks>
public sealed class SelectSalesPrice : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var unit = ExactJson.Text(data["Unit"]);
        var price = (data["Prices"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(p => ExactJson.Date(p["EndDate"]) is null)
            .Where(p => ExactJson.Guid(p["Account"]) is null)
            .Where(p => string.Equals(ExactJson.Text(p["Unit"]), unit, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => ExactJson.Date(p["Modified"]) ?? ExactJson.Date(p["StartDate"]) ?? DateTime.MinValue)
            .Select(p => ExactJson.Number(p["Price"]))
            .FirstOrDefault(p => p is not null);
        data["SalesPrice"] = price;
        return RuleDecision.Continue(data);
    }
}

/// <summary>
/// Adds "StockLevel": the item's stock summed over the warehouses the tenant chose. Each stock line carries
/// its warehouse's "Main" flag, so the default (the warehouse Exact marks as main) needs no extra call.
/// </summary>
public sealed class SumStockOfChosenWarehouses(WarehouseSettings settings) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var lines = (data["Stock"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var divisionMain = lines.Where(s => ExactJson.Bool(s["Main"])).Select(s => ExactJson.Guid(s["Warehouse"])).FirstOrDefault();
        var scope = WarehouseScope.From(settings, divisionMain);
        var total = lines
            .Where(s => ExactJson.Guid(s["Warehouse"]) is { } w && scope.Includes(w))
            .Sum(s => ExactJson.Number(s["CurrentStock"]) ?? 0m);
        data["StockLevel"] = total;
        return RuleDecision.Continue(data);
    }
}

/// <summary>Puts the tenant's options under "settings" so mapping rules can branch on them (e.g. assembled).</summary>
public sealed class ExposeSettings(JsonObject settings) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        // A node has one parent: each record gets its own copy of the (small) settings, never of the record.
        data["settings"] = settings.DeepClone();
        return RuleDecision.Continue(data);
    }
}
