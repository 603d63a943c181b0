using System.Globalization;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// Where the items stream resumes: the highest Timestamp read from each sync endpoint it follows, written as
/// "items=7340123;prices=7340456;stock=7340789;deleted=7340999". Exact advises a separate cursor for the
/// Deleted log; prices and stock have their own Timestamps because changing them does not touch the item.
/// A bare number (an older or hand-set cursor) means that Timestamp for every part.
/// </summary>
public sealed record ExactItemCursor(long Items, long Prices, long Stock, long Deleted)
{
    /// <summary>Exact's own advice for a first run: "Timestamp gt 1".</summary>
    public static readonly ExactItemCursor Start = new(1, 1, 1, 1);

    public bool IsStart => this == Start;

    public static ExactItemCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Start;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var all)) return new(all, all, all, all);
        var cursor = Start;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"'{text}' is not an Exact items cursor.");
            cursor = pair[0] switch
            {
                "items" => cursor with { Items = value },
                "prices" => cursor with { Prices = value },
                "stock" => cursor with { Stock = value },
                "deleted" => cursor with { Deleted = value },
                _ => throw new FormatException($"'{text}' is not an Exact items cursor."),
            };
        }
        return cursor;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"items={Items};prices={Prices};stock={Stock};deleted={Deleted}");
}
