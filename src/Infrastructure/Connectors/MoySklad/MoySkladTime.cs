using System.Globalization;

namespace Koppel.Infrastructure.Connectors.MoySklad;

/// <summary>
/// MoySklad speaks Moscow time (UTC+3, no daylight saving since 2014) in "yyyy-MM-dd HH:mm:ss.fff" and money in
/// kopecks; these conversions live in one place so the client and the emulator cannot disagree.
/// </summary>
public static class MoySkladTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(3);

    public static string Format(DateTimeOffset moment) =>
        moment.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>The form filters and changedSince take (seconds, no milliseconds).</summary>
    public static string FormatForFilter(DateTimeOffset moment) =>
        moment.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Reads "yyyy-MM-dd HH:mm[:ss[.fff]]" as Moscow time; null when it is not such a value.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null) return null;
        string[] formats = ["yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];
        return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Offset)
            : null;
    }

    /// <summary>Kopecks (MoySklad's money unit) as roubles.</summary>
    public static decimal Roubles(decimal kopecks) => kopecks / 100m;
}
