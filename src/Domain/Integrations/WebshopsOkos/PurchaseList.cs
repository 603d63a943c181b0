using System.Text;
using static Koppel.Domain.Integrations.WebshopsOkos.SummaryCsv;

namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>A product's stock figures in one warehouse, as the ERP reports them.</summary>
public sealed record StockFigures(string ProductCode, decimal Physical, decimal Reserved, decimal Incoming);

/// <summary>A product's purchasing data in the ERP.</summary>
public sealed record PurchasingData(string ProductCode, string Name, decimal MinimumStock, string? Supplier, string? SupplierItemCode);

public sealed record PurchaseRow(string ProductCode, string Name, decimal Physical, decimal Reserved, decimal Free, decimal MinimumStock,
    decimal Incoming, decimal ToPurchase, string? Supplier, string? SupplierItemCode);

/// <summary>
/// What to buy to serve the selected (not fulfillable) orders, per product: physical stock, reserved by open orders,
/// free, minimum stock and incoming, and the quantity to purchase = reserved + minimum − physical − incoming (never below 0).
/// </summary>
public static class PurchaseList
{
    public static IReadOnlyList<PurchaseRow> For(IEnumerable<OpenOrder> selected, IReadOnlyDictionary<string, StockFigures> stock, IReadOnlyDictionary<string, PurchasingData> products) =>
        selected.SelectMany(o => o.Lines).Select(l => l.ProductCode).Distinct().OrderBy(c => c, StringComparer.Ordinal)
            .Select(code =>
            {
                var s = stock.GetValueOrDefault(code) ?? new StockFigures(code, 0, 0, 0);
                var p = products.GetValueOrDefault(code);
                var minimum = p?.MinimumStock ?? 0;
                var toBuy = Math.Max(0, s.Reserved + minimum - s.Physical - s.Incoming);
                return new PurchaseRow(code, p?.Name ?? code, s.Physical, s.Reserved, s.Physical - s.Reserved, minimum, s.Incoming, toBuy, p?.Supplier, p?.SupplierItemCode);
            })
            .ToList();

    /// <summary>The list as CSV, in the page's columns (semicolon separated, as Hungarian spreadsheets expect).</summary>
    public static string Csv(IEnumerable<PurchaseRow> rows)
    {
        var text = new StringBuilder("Product code;Name;Physical;Reserved;Free;Minimum stock;Incoming;To purchase;Supplier;Supplier item code\n");
        foreach (var r in rows)
            text.Append(Cell(r.ProductCode)).Append(';').Append(Cell(r.Name)).Append(';')
                .Append(Number(r.Physical)).Append(';').Append(Number(r.Reserved)).Append(';').Append(Number(r.Free)).Append(';')
                .Append(Number(r.MinimumStock)).Append(';').Append(Number(r.Incoming)).Append(';').Append(Number(r.ToPurchase)).Append(';')
                .Append(Cell(r.Supplier)).Append(';').Append(Cell(r.SupplierItemCode)).Append('\n');
        return text.ToString();
    }
}
