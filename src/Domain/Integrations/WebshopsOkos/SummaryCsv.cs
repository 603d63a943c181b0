using System.Globalization;

namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>The cells of the summaries' CSV files: semicolon separated, as Hungarian spreadsheets expect.</summary>
internal static class SummaryCsv
{
    public static string Cell(string? value) =>
        value is null ? "" : value.IndexOfAny([';', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
