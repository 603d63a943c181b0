using System.Globalization;
using System.Text;

namespace Koppel.Domain.Reconciliation;

/// <summary>
/// The report as CSV for a spreadsheet: one row per entity and failing reason (an entity without failures has one row
/// with empty reason columns), so the reasons can be filtered and summed. Uncounted sides read "not counted".
/// </summary>
public static class ReconciliationCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "entity", "flow", "source_system", "target_system", "source_count", "target_count", "linked",
        "source_only", "target_only", "estimated", "failing_total", "failing_flow", "failing_reason", "failing_count", "computed_at",
    ];

    public const string NotCounted = "not counted";

    public static string Write(ReconciliationReport report)
    {
        var csv = new StringBuilder();
        Row(csv, Columns);
        var at = report.ComputedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        foreach (var e in report.Entities)
        {
            var reasons = e.Failing.Count == 0 ? new FailingReason?[] { null } : e.Failing.ToArray<FailingReason?>();
            foreach (var reason in reasons)
                Row(csv,
                [
                    e.Entity, e.Flow, e.SourceSystem, e.TargetSystem, Count(e.SourceCount), Count(e.TargetCount), Count(e.Linked),
                    Count(e.SourceOnly), Count(e.TargetOnly), e.Estimated ? "yes" : "no", Count(e.FailingTotal),
                    reason?.Flow ?? "", reason?.Reason ?? "", reason is null ? "" : Count(reason.Count), at,
                ]);
        }
        return csv.ToString();
    }

    private static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? NotCounted;

    private static void Row(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    // RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs a reason text as a formula.
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
