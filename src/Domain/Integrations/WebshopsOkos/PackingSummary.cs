using System.Text;
using static Koppel.Domain.Integrations.WebshopsOkos.SummaryCsv;

namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>One product to pack: the total quantity and the order numbers it goes into.</summary>
public sealed record PackingRow(string ProductCode, string Name, decimal Quantity, IReadOnlyList<string> OrderNumbers);

/// <summary>The packing summary of the selected (fulfillable) orders: what to prepare, per product.</summary>
public static class PackingSummary
{
    public static IReadOnlyList<PackingRow> For(IEnumerable<OpenOrder> orders) =>
        orders.SelectMany(o => o.Lines.Select(l => (Order: o, Line: l)))
            .GroupBy(x => x.Line.ProductCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PackingRow(g.Key, g.First().Line.Name, g.Sum(x => x.Line.Quantity),
                g.Select(x => x.Order.Number).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList()))
            .ToList();

    /// <summary>The summary as CSV (semicolon separated, as Hungarian spreadsheets expect).</summary>
    public static string Csv(IEnumerable<PackingRow> rows)
    {
        var text = new StringBuilder("Product code;Name;Quantity;Orders\n");
        foreach (var r in rows)
            text.Append(Cell(r.ProductCode)).Append(';').Append(Cell(r.Name)).Append(';')
                .Append(Number(r.Quantity)).Append(';').Append(Cell(string.Join(", ", r.OrderNumbers))).Append('\n');
        return text.ToString();
    }
}
