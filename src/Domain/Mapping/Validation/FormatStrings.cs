using System.Globalization;

namespace Koppel.Domain.Mapping;

/// <summary>Whether a .NET format string is usable, found by trying it: the framework offers no other check.</summary>
internal static class FormatStrings
{
    private static readonly DateTimeOffset SampleDate = new(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
    private const decimal SampleNumber = 1234.5m;

    public static bool IsValidDate(string format) => Works(() => SampleDate.ToString(format, CultureInfo.InvariantCulture));

    public static bool IsValidNumber(string format) => Works(() => SampleNumber.ToString(format, CultureInfo.InvariantCulture));

    private static bool Works(Func<string> format)
    {
        try
        {
            format();
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
