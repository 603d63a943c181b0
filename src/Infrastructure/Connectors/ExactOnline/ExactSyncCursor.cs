using System.Globalization;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// Where a one-entity sync stream resumes: "rows=7340123;deleted=7340999", the highest Timestamp read from the
/// entity's sync endpoint and from the Deleted log (Exact advises a separate cursor for Deleted). A bare number
/// means that Timestamp for both.
/// </summary>
public sealed record ExactSyncCursor(long Rows, long Deleted)
{
    public static readonly ExactSyncCursor Start = new(1, 1);

    public static ExactSyncCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Start;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var all)) return new(all, all);
        var cursor = Start;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"'{text}' is not an Exact sync cursor.");
            cursor = pair[0] switch
            {
                "rows" => cursor with { Rows = value },
                "deleted" => cursor with { Deleted = value },
                _ => throw new FormatException($"'{text}' is not an Exact sync cursor."),
            };
        }
        return cursor;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"rows={Rows};deleted={Deleted}");
}
