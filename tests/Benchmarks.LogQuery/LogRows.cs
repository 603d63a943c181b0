using Koppel.Domain.Sync;

namespace Koppel.Benchmarks.LogQuery;

internal sealed record BenchRun(long Id, int TenantId, string Flow, RunStatus Status, DateTime At);

internal sealed record BenchEntry(
    int TenantId, long RunId, string Flow, Outcome Outcome, DateTime At, string SourceKey, string DisplayName, string? TargetKey,
    string Message, string SourcePayload, string? TargetPayload, string? TargetResponse);

/// <summary>
/// Rows shaped like a busy Exact Online to Optiply tenant: five flows running every few minutes for months, mostly
/// updates, a few percent failures with the engine's own wording, and payloads of real size. In time order, like the
/// engine appends them; the same seed gives the same log on every database.
/// </summary>
internal static class LogRows
{
    public const string MainTenant = "bench-main";
    public const string OtherTenant = "bench-other";
    public const int RowsPerRun = 40;
    public static readonly DateTime Start = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly TimeSpan Span = TimeSpan.FromDays(120);
    public static readonly string[] Flows = ["products", "suppliers", "supplier-products", "sell-orders", "purchase-orders"];

    private static readonly string[] Failures =
    [
        "Optiply refused the product: the price must not be negative. Correct the price in Exact Online; the next run sends it again.",
        "This record could not be read from Exact Online: the price is not a number. It was skipped; the rest of the run went on.",
        "Optiply answered 503 service unavailable. The record will be sent again on the next run.",
        "Optiply could not be reached (it did not answer in time, even after several tries). The record will be sent again on the next run.",
    ];

    /// <summary>Each run comes right before its entries.</summary>
    public static IEnumerable<object> Generate(int rows, int mainTenantId, int otherTenantId)
    {
        var random = new Random(20261122);
        var step = Span / (rows / RowsPerRun);
        BenchRun? run = null;
        for (var i = 0; i < rows; i++)
        {
            var runIndex = i / RowsPerRun;
            var when = Start + step * runIndex + TimeSpan.FromMilliseconds(i % RowsPerRun * 25);
            if (i % RowsPerRun == 0)
            {
                run = new BenchRun(runIndex + 1, runIndex % 10 == 9 ? otherTenantId : mainTenantId, Flows[runIndex % Flows.Length],
                    random.Next(20) == 0 ? RunStatus.CompletedWithErrors : RunStatus.Succeeded, when);
                yield return run;
            }
            yield return Entry(random, run!, when);
        }
    }

    private static BenchEntry Entry(Random random, BenchRun run, DateTime when)
    {
        var kind = random.Next(1000) switch
        {
            < 700 => Outcome.Updated,
            < 850 => Outcome.Created,
            < 900 => Outcome.Skipped,
            < 930 => Outcome.Failed,
            < 950 => Outcome.Warning,
            _ => Outcome.Deleted,
        };
        var article = $"ART-{random.Next(1, 40_000):D5}";
        var optiplyId = (100_000 + Math.Abs(article.GetHashCode() % 900_000)).ToString();
        var message = kind switch
        {
            Outcome.Created => $"Created in Optiply as {optiplyId}.",
            Outcome.Updated => $"Updated in Optiply as {optiplyId}.",
            Outcome.Skipped => "The item is not sold in the selected warehouses, so it was not sent.",
            Outcome.Warning => $"Updated in Optiply as {optiplyId}. Note: minimumPurchaseQuantity: the value was rounded up to 1.",
            Outcome.Deleted => $"Disabled in Optiply ({optiplyId}). It was deleted in Exact Online.",
            _ => Failures[random.Next(Failures.Length)],
        };
        var price = (random.Next(100, 99_999) / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var target = kind is Outcome.Failed && random.Next(2) == 0 ? null : optiplyId;
        var source = $$"""{"ID":"{{Guid.NewGuid()}}","Code":"{{article}}","Description":"Stainless hinge {{article}} 80 mm","CostPriceStandard":{{price}},"Unit":"pc","IsSalesItem":true,"IsPurchaseItem":true,"Modified":"/Date({{(long)(when - DateTime.UnixEpoch).TotalMilliseconds}})/","Barcode":"87{{random.NextInt64(10_000_000_000, 99_999_999_999)}}"}""";
        var sent = kind is Outcome.Skipped ? null : $$"""{"name":"Stainless hinge {{article}} 80 mm","skuCode":"{{article}}","price":{{price}},"unlimitedStock":false,"status":"enabled"}""";
        var response = kind is Outcome.Created or Outcome.Updated or Outcome.Warning
            ? $$"""{"data":{"id":"{{optiplyId}}","type":"products","attributes":{"skuCode":"{{article}}","price":{{price}}""" + "}}}"
            : null;
        return new BenchEntry(run.TenantId, run.Id, run.Flow, kind, when, article, $"{article} · Stainless hinge {article} 80 mm", target, message, source, sent, response);
    }
}
