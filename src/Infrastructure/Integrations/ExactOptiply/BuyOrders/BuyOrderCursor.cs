using System.Globalization;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrders;

/// <summary>
/// Where the buy-orders stream resumes: "rows=7340123;deleted=7340999;assembly=2026-03-01" — the highest Timestamp
/// read from the purchase-order sync endpoint and from the Deleted log, and the newest assembly-order date seen
/// (assembly orders have no sync endpoint).
/// </summary>
public sealed record BuyOrderCursor(long Rows, long Deleted, DateOnly? Assembly)
{
    public static readonly BuyOrderCursor Start = new(1, 1, null);

    public static BuyOrderCursor Parse(string? text)
    {
        var cursor = Start;
        if (string.IsNullOrWhiteSpace(text)) return cursor;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2) throw new FormatException($"'{text}' is not a buy-orders cursor.");
            cursor = pair[0] switch
            {
                "rows" => cursor with { Rows = long.Parse(pair[1], CultureInfo.InvariantCulture) },
                "deleted" => cursor with { Deleted = long.Parse(pair[1], CultureInfo.InvariantCulture) },
                "assembly" => cursor with { Assembly = DateOnly.ParseExact(pair[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                _ => throw new FormatException($"'{text}' is not a buy-orders cursor."),
            };
        }
        return cursor;
    }

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"rows={Rows};deleted={Deleted}");
        return Assembly is { } a ? text + ";assembly=" + a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : text;
    }
}
