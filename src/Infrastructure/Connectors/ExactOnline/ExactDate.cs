using System.Globalization;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// Exact's Edm.DateTime JSON form, "/Date(1704067200000)/": milliseconds since the epoch of the Amsterdam
/// wall-clock time (Exact's FAQ: CET-based, not GMT), so the value is read as Dutch local time.
/// </summary>
public static class ExactDate
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    /// <summary>The wall-clock milliseconds inside "/Date(ms)/" (an offset suffix like "+0100" is ignored).</summary>
    /// <remarks>
    /// Read by hand, as the pattern <c>^/Date\((-?\d+)([+-]\d{4})?\)/$</c> reads it (a final line feed allowed, as
    /// <c>$</c> allows it): every date field of every row a first run reads passes here, and a regular expression's
    /// match and groups were some 4 KB of garbage per synced item.
    /// </remarks>
    public static bool TryParseMilliseconds(string? text, out long milliseconds)
    {
        milliseconds = 0;
        if (text is null) return false;
        var span = text.AsSpan();
        if (span.EndsWith('\n')) span = span[..^1];
        if (!span.StartsWith("/Date(") || !span.EndsWith(")/")) return false;
        var inside = span[6..^2];
        var digits = inside.Length > 0 && inside[0] == '-' ? 1 : 0;
        while (digits < inside.Length && char.IsDigit(inside[digits])) digits++;
        if (digits == 0 || inside[digits - 1] == '-') return false;
        var offset = inside[digits..];
        if (offset.Length != 0 && (offset.Length != 5 || offset[0] is not ('+' or '-') || !AllDigits(offset[1..]))) return false;
        return long.TryParse(inside[..digits], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out milliseconds);
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsDigit(c)) return false;
        return true;
    }

    /// <summary>The moment an Exact date means, with the Amsterdam offset of that day.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (!TryParseMilliseconds(text, out var ms)) return null;
        var wallClock = DateTime.SpecifyKind(DateTime.UnixEpoch.AddMilliseconds(ms), DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, Amsterdam.GetUtcOffset(wallClock));
    }

    /// <summary>Encodes a Dutch wall-clock time the way Exact sends it.</summary>
    public static string Format(DateTime wallClock) =>
        string.Create(CultureInfo.InvariantCulture, $"/Date({(long)(DateTime.SpecifyKind(wallClock, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds})/");

    /// <summary>A moment as Dutch wall-clock time in Exact's form.</summary>
    public static string Format(DateTimeOffset moment) => Format(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);

    /// <summary>The Dutch calendar day of a moment: the day an Exact user sees for a date.</summary>
    public static DateOnly DutchDay(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);

    private static TimeZoneInfo FindAmsterdam()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Without time-zone data the offset cannot be known; CET without summer time is the closest guess.
            return TimeZoneInfo.CreateCustomTimeZone("CET", TimeSpan.FromHours(1), "CET", "CET");
        }
    }
}
