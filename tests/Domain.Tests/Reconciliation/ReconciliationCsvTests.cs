using Koppel.Domain.Reconciliation;

namespace Koppel.Domain.Tests.Reconciliation;

public sealed class ReconciliationCsvTests
{
    private static readonly DateTime At = new(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);

    private static ReconciliationReport Report() => new(At,
    [
        Reconcile.Entity(new("product", "products", "Products", "Exact Online", "Optiply", new(12, At), new(15, At), 10, At,
            [new FailingReason("products", "Optiply refused \"price\", a number", 2)])),
        Reconcile.Entity(new("sell-order", "sell-orders", "Sell orders", "Exact Online", "Optiply", SideCount.NotOffered, SideCount.NotOffered, 4, At, [])),
    ]);

    [Fact]
    public void The_header_names_every_column_in_order()
    {
        var header = ReconciliationCsv.Write(Report()).Split("\r\n")[0];

        Assert.Equal("entity,flow,source_system,target_system,source_count,target_count,linked,source_only,target_only,estimated,"
                     + "failing_total,failing_flow,failing_reason,failing_count,computed_at", header);
    }

    [Fact]
    public void A_row_per_failing_reason_with_quotes_doubled_and_a_row_for_an_entity_without_failures()
    {
        var rows = ReconciliationCsv.Write(Report()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, rows.Length);
        Assert.Equal("product,products,Exact Online,Optiply,12,15,10,2,5,no,2,products,\"Optiply refused \"\"price\"\", a number\",2,2026-12-07T03:00:00Z", rows[1]);
        Assert.Equal("sell-order,sell-orders,Exact Online,Optiply,not counted,not counted,4,not counted,not counted,no,0,,,,2026-12-07T03:00:00Z", rows[2]);
    }

    [Fact]
    public void A_reason_that_looks_like_a_formula_is_written_as_text()
    {
        var report = new ReconciliationReport(At,
            [Reconcile.Entity(new("product", "products", "Products", "A", "B", new(1, At), new(1, At), 0, At, [new FailingReason("products", "=HYPERLINK(\"x\")", 1)]))]);

        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", ReconciliationCsv.Write(report));
    }
}
