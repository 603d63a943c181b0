using System.Globalization;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.ReceiptLines;

/// <summary>
/// Where the receipt-lines stream resumes: "receipts=2024-05-01T10:15:00;assembly=2024-04-30T00:00:00", Exact
/// wall-clock times as its datetime'..' filters take them. Neither goods receipt lines nor assembly orders have
/// a sync endpoint: receipts are read by Modified, assembly orders by OrderDate (see the stream).
/// </summary>
public sealed record ExactReceiptCursor(DateTime? Receipts, DateTime? Assembly)
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    public static ExactReceiptCursor Parse(string? text)
    {
        DateTime? receipts = null, assembly = null;
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !DateTime.TryParseExact(pair[1], Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                throw new FormatException($"'{text}' is not a receipt-lines cursor.");
            if (pair[0] == "receipts") receipts = at;
            else if (pair[0] == "assembly") assembly = at;
        }
        return new ExactReceiptCursor(receipts, assembly);
    }

    public static string Literal(DateTime wallClock) => wallClock.ToString(Format, CultureInfo.InvariantCulture);

    public override string ToString() =>
        string.Join(';', new[] { ("receipts", Receipts), ("assembly", Assembly) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Literal(p.Item2!.Value)}"));
}
