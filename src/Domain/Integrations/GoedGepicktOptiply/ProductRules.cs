using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>
/// A fulfilment account syncs one fulfilment customer's records only. The query asks GoedGepickt for that customer
/// already; this rule checks every record as well, so a record of another customer can never reach Optiply.
/// </summary>
public sealed class OnlyFulfilmentCustomer(string? customerUuid) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        if (customerUuid is null) return RuleDecision.Continue(data);
        var owner = GgJson.Text(data["fulfilmentCustomerUuid"]);
        return string.Equals(owner, customerUuid, StringComparison.OrdinalIgnoreCase)
            ? RuleDecision.Continue(data)
            : new RuleDecision.Skip($"This record belongs to another fulfilment customer ({owner ?? "none"}) than the one this connection syncs; it was left out.");
    }
}

/// <summary>
/// A product flagged "ignore for Optiply" in GoedGepickt is not created in Optiply and no longer updated there;
/// the log says why.
/// </summary>
public sealed class SkipIgnoredProduct : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        GgJson.Bool(data["ignoreForOptiply"]) == true
            ? new RuleDecision.Skip($"Product {GgJson.Text(data["sku"]) ?? GgJson.Text(data["uuid"])} is flagged \"ignore for Optiply\" in GoedGepickt, so it is not created or updated in Optiply.")
            : RuleDecision.Continue(data);
}

/// <summary>
/// The translation table's "Inkoopbaar -> Uitfaseren": a product that cannot be purchased is phased out in Optiply
/// (<c>notBeingBought</c>). A product whose purchasable flag is missing counts as purchasable.
/// </summary>
public sealed class PhaseOutWhenNotPurchasable : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var result = (JsonObject)data.DeepClone();
        result["NotBeingBought"] = GgJson.Bool(data["purchasable"]) == false;
        return RuleDecision.Continue(result);
    }
}
