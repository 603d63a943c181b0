using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// Adds "ReceiptDate" (yyyy-MM-dd) for a buy order sent to Exact: the sync time plus the supplier's delivery time
/// in calendar days (*3). Without a delivery time the seed says both "the next working day" and "the sync time
/// itself"; the tenant's option decides (next working day, Monday to Friday, by default).
/// </summary>
public sealed class ReceiptDateForExact(DateTimeOffset syncTime, ReceiptDateRule withoutDeliveryTime) : IRecordRule
{
    public static DateOnly Compute(DateOnly syncDay, int? deliveryTime, ReceiptDateRule withoutDeliveryTime)
    {
        if (deliveryTime is { } days and > 0) return syncDay.AddDays(days);
        if (withoutDeliveryTime == ReceiptDateRule.SyncTime) return syncDay;
        var next = syncDay.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) next = next.AddDays(1);
        return next;
    }

    public RuleDecision Apply(JsonObject data)
    {
        var days = ExactJson.Number(data["DeliveryTime"]);
        var date = Compute(DateOnly.FromDateTime(syncTime.UtcDateTime), days is null ? null : (int)days, withoutDeliveryTime);
        var result = (JsonObject)data.DeepClone();
        result["ReceiptDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return RuleDecision.Continue(result);
    }
}

/// <summary>
/// Checks that the supplier and every product have their Exact counterpart and maps the lines, sorted by SKU
/// ascending so they line up with Optiply's screen, into "ExactLines" (<see cref="BuyOrderToExactMapping.Lines"/>).
/// </summary>
public sealed class MapLinesForExact(bool useLot) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        if (string.IsNullOrEmpty(ExactJson.Text(data["ExactSupplierId"])))
            return new RuleDecision.Retry($"Its supplier \"{ExactJson.Text(data["SupplierName"])}\" (Optiply id {ExactJson.Text(data["supplierId"])}) is not linked to an Exact Online supplier (it was not synced from Exact). The order is tried again on the next run.");
        var lines = (data["Lines"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (lines.Count == 0)
            return new RuleDecision.Retry("It has no lines, and Exact Online needs at least one on a purchase order. It is tried again on the next run.");
        var missing = lines.Where(l => string.IsNullOrEmpty(ExactJson.Text(l["ExactItemId"]))).Select(l => ExactJson.Text(l["SkuCode"]) ?? ExactJson.Text(l["productId"])).ToList();
        if (missing.Count > 0)
            return new RuleDecision.Retry($"Optiply product{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not linked to an Exact Online item. The order is tried again on the next run.");

        var exactLines = new JsonArray();
        foreach (var line in lines.OrderBy(l => ExactJson.Text(l["SkuCode"]) ?? "", StringComparer.Ordinal).ThenBy(l => ExactJson.Number(l["id"])))
        {
            var source = (JsonObject)line.DeepClone();
            source["UseLot"] = useLot && ExactJson.Number(line["LotSize"]) is > 0;
            var mapped = MappingEngine.Apply(BuyOrderToExactMapping.Lines, source);
            if (mapped.Problems.Count > 0)
                return new RuleDecision.Retry($"The line of {ExactJson.Text(line["SkuCode"])} could not be mapped: {string.Join("; ", mapped.Problems.Select(p => $"{p.Field}: {p.Message}"))}.");
            exactLines.Add(mapped.Payload);
        }
        var result = (JsonObject)data.DeepClone();
        result["ExactLines"] = exactLines;
        return RuleDecision.Continue(result);
    }
}

/// <summary>Assembly buy orders come from Exact assembly orders; one made in Optiply is no purchase order for Exact.</summary>
public sealed class SkipAssemblyBuyOrders : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        ExactJson.Bool(data["assembly"])
            ? new RuleDecision.Skip("An assembly buy order is not sent to Exact Online as a purchase order.", Log: false)
            : RuleDecision.Continue(data);
}
