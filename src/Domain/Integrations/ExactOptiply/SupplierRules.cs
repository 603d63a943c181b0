using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koppel.Domain.Sync;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>(*1) Optiply needs a name for every supplier: an Exact supplier without one is skipped and logged.</summary>
public sealed class SkipSupplierWithoutName : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        if (!string.IsNullOrWhiteSpace(ExactJson.Text(data["Name"]))) return RuleDecision.Continue(data);
        var code = ExactJson.Text(data["Code"])?.Trim();
        var which = string.IsNullOrEmpty(code) ? "This supplier" : $"Supplier {code}";
        return new RuleDecision.Skip($"{which} has no name in Exact Online. Optiply needs a name for every supplier, so it was not synced; give it a name in Exact and it is synced on a later run.");
    }
}

/// <summary>
/// Adds "Emails": the Exact e-mail address as Optiply's list of addresses, or null when there is none or it is not
/// a valid address. (*2) says a supplier with an invalid address is created without one; when the tenant maps
/// e-mails, that is said in the record's log entry as a warning.
/// </summary>
public sealed partial class CheckSupplierEmail(bool mapEmail) : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var email = ExactJson.Text(data["Email"])?.Trim();
        var result = (JsonObject)data.DeepClone();
        if (string.IsNullOrEmpty(email))
        {
            result["Emails"] = null;
            return RuleDecision.Continue(result);
        }
        if (Valid(email))
        {
            result["Emails"] = new JsonArray(email);
            return RuleDecision.Continue(result);
        }
        result["Emails"] = null;
        IReadOnlyList<string> warnings = mapEmail
            ? [$"Warning: the e-mail address \"{email}\" in Exact Online is not a valid address, so the supplier was written to Optiply without an e-mail address. Correct the address in Exact and it is sent on a later run."]
            : [];
        return new RuleDecision.Keep(result, warnings);
    }

    /// <summary>The same shape Optiply accepts: something@domain.tld, no spaces.</summary>
    public static bool Valid(string address) => Address().IsMatch(address);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Address();
}

/// <summary>Adds "DeliveryTime": (*3) PurchaseLeadDays in days, within the 1-365 Optiply accepts; none for 0 or empty.</summary>
public sealed class SupplierDeliveryTime : IRecordRule
{
    public RuleDecision Apply(JsonObject data)
    {
        var result = (JsonObject)data.DeepClone();
        result["DeliveryTime"] = Days(ExactJson.Number(data["PurchaseLeadDays"]), max: 365);
        return RuleDecision.Continue(result);
    }

    /// <summary>Whole days of at least 1 (Optiply's writers send null for 0), at most <paramref name="max"/>.</summary>
    public static int? Days(decimal? value, int max) =>
        value is not { } days || days < 1 ? null : (int)Math.Min(Math.Ceiling(days), max);
}
