using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// A buy order deleted in Exact is deleted in Optiply only when it was placed on or after the tenant's
/// settings.buyOrders.deletionsSince (the seed's 20/11/2023: older orders were not written by this integration,
/// so it cannot tell what became of them). The source marks such records with "DeletedInExact".
/// </summary>
public sealed class BuyOrderDeletionWindow(DateOnly since) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        if (!ExactJson.Bool(data["DeletedInExact"])) return RuleDecision.Continue(data);
        var placed = ExactJson.Date(data["OrderDate"]);
        if (placed is null || DateOnly.FromDateTime(placed.Value) >= since)
            return new RuleDecision.Delete("It was deleted in Exact Online.");
        return new RuleDecision.Skip(
            $"It was deleted in Exact Online, but it was placed on {placed:yyyy-MM-dd}, before {since:yyyy-MM-dd} (the start date for buy-order deletions in this tenant's options), so it was left alone in Optiply.",
            Setting: "buyOrders.deletionsSince");
    }
}

/// <summary>
/// A purchase order the hub itself created from an Optiply buy order ("SentFromOptiply"), whose write-back has not
/// happened yet (the export stopped in between): importing it would double the buy order, so it waits.
/// </summary>
public sealed class WaitForBuyOrderWriteBack : IRecordRule
{
    public RuleDecision Apply(JsonObject data) => ExactJson.Text(data["SentFromOptiply"]) is { Length: > 0 } optiplyId
        ? new RuleDecision.Retry($"This purchase order was created from Optiply buy order {optiplyId}, and the buy-orders-to-exact flow has not linked the two yet. It is tried again on the next run.")
        : RuleDecision.Continue(data);
}

/// <summary>Leaves out buy orders of warehouses the tenant did not choose; "MainWarehouse" is the one Exact marks as main.</summary>
public sealed class InBuyOrderWarehouses(WarehouseSettings settings) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var scope = WarehouseScope.From(settings, ExactJson.Guid(data["MainWarehouse"]));
        return scope.Includes(ExactJson.Guid(data["Warehouse"]))
            ? RuleDecision.Continue(data)
            : new RuleDecision.Skip("Its warehouse is not one of the warehouses this tenant syncs.", Log: false, "warehouses");
    }
}

/// <summary>A disassembly order (type 8061) takes an assembled item apart: nothing is bought, so it is no buy order.</summary>
public sealed class SkipDisassemblyOrders : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        ExactJson.Text(data["Kind"]) == BuyOrderMapping.AssemblyOrder && ExactJson.Number(data["Type"]) == 8061
            ? new RuleDecision.Skip("A disassembly order is not a buy order.", Log: false)
            : RuleDecision.Continue(data);
}

/// <summary>
/// Adds "CompletedAt": the sync time when the order is done, null while it is open. Purchase orders are done when
/// OrderStatus or ReceiptStatus is 30 (complete) or 40 (cancelled); assembly orders at OrderStatus 50 (completed).
/// Exact keeps no completion date, so the seed takes "now"; the flow's change check only looks at whether it is set.
/// </summary>
public sealed class BuyOrderCompletion(DateTimeOffset syncTime) : IRecordRule
{
    public static bool IsDone(JsonObject data) => ExactJson.Text(data["Kind"]) == BuyOrderMapping.AssemblyOrder
        ? ExactJson.Number(data["OrderStatus"]) == 50
        : ExactJson.Number(data["OrderStatus"]) is 30 or 40 || ExactJson.Number(data["ReceiptStatus"]) is 30 or 40;

    public RuleDecision Apply(JsonObject data)
    {
        var result = (JsonObject)data.DeepClone();
        result["CompletedAt"] = IsDone(data) ? syncTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;
        return RuleDecision.Continue(result);
    }
}

/// <summary>
/// Checks the order's Optiply references and maps its lines (<see cref="BuyOrderMapping.Lines"/>) into "OrderLines".
/// A supplier or product that is not in Optiply yet fails the order with the reason, so the next run tries again.
/// </summary>
public sealed class MapBuyOrderLines : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var kind = ExactJson.Text(data["Kind"]);
        if (string.IsNullOrEmpty(ExactJson.Text(data["SupplierOptiplyId"])))
            return new RuleDecision.Retry(kind == BuyOrderMapping.AssemblyOrder
                ? $"Optiply has no supplier named \"{ExactJson.Text(data["WarehouseCode"])?.Trim()}\". Assembly orders become buy orders of the supplier named after their warehouse code: create a supplier with that exact name in Optiply. The order is tried again on the next run."
                : $"Its supplier {Named(data, "SupplierCode", "Supplier")} is not in Optiply yet (the suppliers flow has not synced it). The order is tried again on the next run.");

        var lines = new JsonArray();
        var missing = new List<string>();
        foreach (var line in (data["Lines"] as JsonArray ?? []).OfType<JsonObject>().OrderBy(l => ExactJson.Number(l["LineNumber"]) ?? 0))
        {
            if (string.IsNullOrEmpty(ExactJson.Text(line["ProductOptiplyId"])))
            {
                missing.Add(Named(line, "ItemCode", "Item"));
                continue;
            }
            var source = (JsonObject)line.DeepClone();
            source["OrderKind"] = kind;
            var mapped = MappingEngine.Apply(BuyOrderMapping.Lines, source);
            if (mapped.Problems.Count > 0)
                return new RuleDecision.Retry($"Line {ExactJson.Text(line["LineNumber"])} could not be mapped: {string.Join("; ", mapped.Problems.Select(p => $"{p.Field}: {p.Message}"))}.");
            lines.Add(mapped.Payload);
        }
        if (missing.Count > 0)
            return new RuleDecision.Retry($"Exact item{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Distinct())} on this order {(missing.Count == 1 ? "is" : "are")} not in Optiply yet (the products flow has not synced {(missing.Count == 1 ? "it" : "them")}). The order is tried again on the next run.");

        var result = (JsonObject)data.DeepClone();
        result["OrderLines"] = lines;
        return RuleDecision.Continue(result);
    }

    private static string Named(JsonObject data, string codeField, string idField)
    {
        var code = ExactJson.Text(data[codeField])?.Trim();
        return string.IsNullOrEmpty(code) ? ExactJson.Text(data[idField]) ?? "(unknown)" : code;
    }
}
