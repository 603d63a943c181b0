using System.Globalization;
using System.Text.RegularExpressions;

namespace Koppel.Domain.Mapping;

/// <summary>Dates as the source systems write them: Exact's "/Date(ms)/" and ISO 8601.</summary>
internal static partial class DateValues
{
    public const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public static bool TryParse(string? text, string? inputFormat, out DateTimeOffset date)
    {
        date = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
            return false;
        if (TryParseExact(text, out date))
            return true;
        if (!string.IsNullOrEmpty(inputFormat))
            return DateTimeOffset.TryParseExact(text, inputFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
        // Only ISO-shaped text is read without a format: "03/04/2024" means different days in different countries.
        return IsoStart().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }

    public static string ToIso(DateTimeOffset date) => date.ToString(IsoFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset AddWorkingDays(DateTimeOffset date, int days)
    {
        var step = days < 0 ? -1 : 1;
        for (var remaining = Math.Abs(days); remaining > 0;)
        {
            date = date.AddDays(step);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                remaining--;
        }
        return date;
    }

    // Exact (like WCF) writes milliseconds since 1970 UTC, optionally followed by the writer's offset.
    private static bool TryParseExact(string text, out DateTimeOffset date)
    {
        date = default;
        var match = ExactDate().Match(text);
        if (!match.Success || !long.TryParse(match.Groups["ms"].Value, CultureInfo.InvariantCulture, out var ms))
            return false;
        try
        {
            date = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
        if (match.Groups["offset"].Success)
        {
            var offset = match.Groups["offset"].Value;
            var sign = offset[0] == '-' ? -1 : 1;
            var hours = int.Parse(offset.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(offset.AsSpan(3, 2), CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
                return false;
            date = date.ToOffset(new TimeSpan(sign * hours, sign * minutes, 0));
        }
        return true;
    }

    [GeneratedRegex(@"^/Date\((?<ms>-?\d+)(?<offset>[+-]\d{4})?\)/$")]
    private static partial Regex ExactDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoStart();
}
