using System.Globalization;

namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>
/// VAT keys are matched by short name ("27%", "5%", "AAM"). Shops send rates in their own ways ("27.0000",
/// "27%", "27"); all become the short name the ERP uses. An unknown key fails the order with a reason naming it.
/// </summary>
public static class VatKeys
{
    /// <summary>The short name of a shop's VAT text: a number becomes "27%", anything else (AAM, TAM) stays as written.</summary>
    public static string ShortName(string text)
    {
        var trimmed = text.Trim();
        var number = trimmed.EndsWith('%') ? trimmed[..^1] : trimmed;
        return decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate)
            ? $"{rate.ToString("0.##", CultureInfo.InvariantCulture)}%"
            : trimmed.ToUpperInvariant();
    }

    /// <summary>The first VAT key the ERP does not have, or null when all exist.</summary>
    public static string? FirstUnknown(WebshopOrder order, IReadOnlySet<string> known) =>
        order.Lines.Select(l => l.VatKey).Concat(order.Services.Select(s => s.VatKey)).FirstOrDefault(k => !known.Contains(k));

    /// <summary>Why an order with an unknown VAT key waits: names the key and what to do.</summary>
    public static string UnknownReason(string key) =>
        $"The VAT key \"{key}\" does not exist in Okos-Ügyvitel. Add a VAT key with the short name \"{key}\"; the order is imported on the next run.";
}
