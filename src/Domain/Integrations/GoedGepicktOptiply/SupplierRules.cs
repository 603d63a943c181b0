using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>
/// The supplier fields the seed lists: e-mail (as Optiply's list; an invalid address is left out with a warning),
/// backorders allowed (GG's "yes"/"no"/"use company setting", the last taken from the tenant's option) and the
/// backorder threshold (default 0). A supplier without a name cannot exist in Optiply and is skipped.
/// </summary>
public sealed partial class SupplierFigures(SupplierDefaults defaults) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        if (string.IsNullOrWhiteSpace(GgJson.Text(data["name"])))
            return new RuleDecision.Skip("This GoedGepickt supplier has no name; Optiply needs one, so it was not synced. Give it a name in GoedGepickt.");
        var result = (JsonObject)data.DeepClone();
        result["Backorders"] = Backorders(GgJson.Text(data["backorders"]), defaults.BackordersWhenDefault);
        result["BackorderThreshold"] = defaults.BackorderThreshold;
        var email = GgJson.Text(data["email"])?.Trim();
        IReadOnlyList<string> warnings = [];
        if (string.IsNullOrEmpty(email)) result["Emails"] = null;
        else if (Address().IsMatch(email)) result["Emails"] = new JsonArray(email);
        else
        {
            result["Emails"] = null;
            warnings = [$"Warning: \"{email}\" is not a valid e-mail address, so the supplier was written without one. Correct it in GoedGepickt."];
        }
        return new RuleDecision.Keep(result, warnings);
    }

    /// <summary>GoedGepickt's tri-state: "yes", "no", or anything else (the company setting) -> the tenant's default.</summary>
    public static bool Backorders(string? value, bool companySetting) => value?.Trim().ToLowerInvariant() switch
    {
        "yes" or "true" or "1" => true,
        "no" or "false" or "0" => false,
        _ => companySetting,
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Address();
}
