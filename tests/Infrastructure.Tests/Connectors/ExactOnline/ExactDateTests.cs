using System.Globalization;
using System.Text.RegularExpressions;
using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

public sealed class ExactDateTests
{
    // The pattern Exact's dates were read with before the hand-written reader; the reader must agree with it everywhere.
    private static readonly Regex Pattern = new(@"^/Date\((-?\d+)([+-]\d{4})?\)/$");

    [Theory]
    [InlineData("/Date(1704067200000)/")]
    [InlineData("/Date(-86400000)/")]
    [InlineData("/Date(1704067200000+0100)/")]
    [InlineData("/Date(1704067200000-0530)/")]
    [InlineData("/Date(0)/")]
    [InlineData("/Date(1704067200000)/\n")]
    [InlineData("/Date(1704067200000)/\n\n")]
    [InlineData("/Date()/")]
    [InlineData("/Date(-)/")]
    [InlineData("/Date(12a)/")]
    [InlineData("/Date(1704067200000+01)/")]
    [InlineData("/Date(1704067200000+01000)/")]
    [InlineData("/Date(1704067200000 )/")]
    [InlineData(" /Date(1704067200000)/")]
    [InlineData("/date(1704067200000)/")]
    [InlineData("/Date(1704067200000)")]
    [InlineData("/Date(99999999999999999999)/")]
    [InlineData("/Date(١٢٣)/")]
    [InlineData("/Date(1+٠١٠٠)/")]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData("")]
    public void Milliseconds_are_read_as_the_date_pattern_reads_them(string text)
    {
        var match = Pattern.Match(text);
        var expected = match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) ? ms : (long?)null;

        var read = ExactDate.TryParseMilliseconds(text, out var milliseconds) ? milliseconds : (long?)null;

        Assert.Equal(expected, read);
    }

    [Fact]
    public void A_date_is_Dutch_wall_clock_time()
    {
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)), ExactDate.Parse("/Date(1719835200000)/"));
        Assert.Null(ExactDate.Parse(null));
    }
}
