using System.Globalization;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.SellOrders;

/// <summary>
/// Where the sell-orders stream resumes, as one text over its streams:
/// "options=1a2b3c4d;orders=7340123;invoices=7340100;production=7340001;deleted=7340999". Each number is the
/// highest Timestamp read from that sync endpoint (the Deleted log has its own, as Exact advises). "options"
/// fingerprints the options that decide which documents count: when a tenant changes them, the three
/// document streams start over, so documents the old options left out are looked at again (those already
/// in Optiply are not written twice: sell orders are create-only).
/// </summary>
public sealed record ExactSellOrderCursor(string Options, long Orders, long Invoices, long Production, long Deleted)
{
    public static ExactSellOrderCursor Start(string options) => new(options, 1, 1, 1, 1);

    public static ExactSellOrderCursor Parse(string? text, string options)
    {
        if (string.IsNullOrWhiteSpace(text)) return Start(options);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2) throw new FormatException($"'{text}' is not a sell-orders cursor.");
            parts[pair[0]] = pair[1];
        }
        long Number(string key) => parts.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var deleted = Number("deleted");
        return parts.GetValueOrDefault("options") == options
            ? new ExactSellOrderCursor(options, Number("orders"), Number("invoices"), Number("production"), deleted)
            : Start(options) with { Deleted = deleted };
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"options={Options};orders={Orders};invoices={Invoices};production={Production};deleted={Deleted}");
}
