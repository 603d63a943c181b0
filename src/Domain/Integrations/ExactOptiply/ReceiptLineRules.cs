using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>
/// An assembly order becomes a receipt of its assembled item once it is complete (Status 50, when the
/// buy-orders flow completes its buy order too), for the quantity finished. A disassembly order (Type 8061)
/// takes the item apart instead of receiving it, so it never counts.
/// </summary>
public sealed class AssemblyReceiptWhenComplete : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        if (ExactJson.Text(data["Source"]) != ReceiptLineSource.AssemblyOrder) return RuleDecision.Continue(data);
        if (ExactJson.Number(data["Type"]) == 8061)
            return new RuleDecision.Skip("A disassembly order receives no assembled item.", Log: false);
        if (ExactJson.Number(data["OrderStatus"]) != 50)
            return new RuleDecision.Skip("The assembly order is not complete yet.", Log: false);
        if ((ExactJson.Number(data["FinishedQuantity"]) ?? 0) <= 0)
            return new RuleDecision.Skip("The assembly order finished no items.", Log: false);
        return RuleDecision.Continue(data);
    }
}

/// <summary>
/// Adds "SyncTime": the run's time, which the seed gives assembly receipts as "occurred" (now()). Passed in
/// rather than read, so the rule stays pure and a test's clock decides it.
/// </summary>
public sealed class StampSyncTime(DateTimeOffset now) : IRecordRule
{
    private readonly string _now = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public RuleDecision Apply(JsonObject data)
    {
        var result = (JsonObject)data.DeepClone();
        result["SyncTime"] = _now;
        return RuleDecision.Continue(result);
    }
}
