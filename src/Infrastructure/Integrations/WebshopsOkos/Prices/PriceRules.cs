using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Prices;

/// <summary>
/// A negative price in the ERP is a typing error, never a price to sell at: it fails with a reason the customer can
/// act on, the other products go on, and it is tried again on each run until it is corrected.
/// </summary>
internal sealed class NoNegativePrice : IRecordRule
{
    public RuleDecision Apply(JsonObject data) =>
        ShopValueRules.Number(data[ShopValue.Price.Field]) is < 0 and var price
            ? new RuleDecision.Retry($"The normal selling price in Okos-Ügyvitel is negative ({ShopValueRules.Text(price)}); it was not sent to the webshop. Correct it in Okos-Ügyvitel.")
            : RuleDecision.Continue(data);
}
