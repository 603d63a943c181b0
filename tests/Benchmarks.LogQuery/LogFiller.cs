using System.Diagnostics;
using Koppel.Domain.Sync;
using Microsoft.Data.Sqlite;

namespace Koppel.Benchmarks.LogQuery;

/// <summary>
/// Fills the log with rows shaped like a busy Exact Online to Optiply tenant: five flows running every half hour
/// for months, mostly updates, a few percent failures with the engine's own wording, and payloads of real size.
/// Rows go in through one prepared statement in one transaction, in time order like the engine appends them.
/// </summary>
internal static class LogFiller
{
    public const string MainTenant = "bench-main";
    public const string OtherTenant = "bench-other";
    public static readonly DateTime Start = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly string[] Flows = ["products", "suppliers", "supplier-products", "sell-orders", "purchase-orders"];

    private static readonly string[] Failures =
    [
        "Optiply refused the product: the price must not be negative. Correct the price in Exact Online; the next run sends it again.",
        "This record could not be read from Exact Online: the price is not a number. It was skipped; the rest of the run went on.",
        "Optiply answered 503 service unavailable. The record will be sent again on the next run.",
        "Optiply could not be reached (it did not answer in time, even after several tries). The record will be sent again on the next run.",
    ];

    public static async Task FillAsync(string connectionString, int rows, int mainTenantId, int otherTenantId)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // Safe only because a failed fill is thrown away and started again.
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insertRun = connection.CreateCommand();
        insertRun.Transaction = tx;
        insertRun.CommandText = """
            INSERT INTO SyncRuns (TenantId, Flow, Mode, "Trigger", Status, StartedAt, EndedAt, Read, Created, Updated, Unchanged, Skipped, Failed, Deleted)
            VALUES ($tenant, $flow, 1, 1, $status, $at, $at, 0, 0, 0, 0, 0, 0, 0) RETURNING Id;
            """;
        var runTenant = insertRun.Parameters.Add("$tenant", SqliteType.Integer);
        var runFlow = insertRun.Parameters.Add("$flow", SqliteType.Text);
        var runStatus = insertRun.Parameters.Add("$status", SqliteType.Integer);
        var runAt = insertRun.Parameters.Add("$at", SqliteType.Text);

        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO SyncLog (TenantId, RunId, Flow, Outcome, At, SourceKey, TargetKey, Message, SourcePayload, TargetPayload, TargetResponse)
            VALUES ($tenant, $run, $flow, $outcome, $at, $source, $target, $message, $sourcePayload, $targetPayload, $response);
            """;
        var tenant = insert.Parameters.Add("$tenant", SqliteType.Integer);
        var run = insert.Parameters.Add("$run", SqliteType.Integer);
        var flow = insert.Parameters.Add("$flow", SqliteType.Text);
        var outcome = insert.Parameters.Add("$outcome", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var source = insert.Parameters.Add("$source", SqliteType.Text);
        var target = insert.Parameters.Add("$target", SqliteType.Text);
        var message = insert.Parameters.Add("$message", SqliteType.Text);
        var sourcePayload = insert.Parameters.Add("$sourcePayload", SqliteType.Text);
        var targetPayload = insert.Parameters.Add("$targetPayload", SqliteType.Text);
        var response = insert.Parameters.Add("$response", SqliteType.Text);
        insertRun.Prepare();
        insert.Prepare();

        var random = new Random(20261122);
        const int rowsPerRun = 40;
        var runCount = rows / rowsPerRun;
        // Spread over ~4 months: one run every few minutes across the tenants' flows.
        var step = TimeSpan.FromDays(120) / runCount;
        long runId = 0;
        for (var i = 0; i < rows; i++)
        {
            var runIndex = i / rowsPerRun;
            var when = Start + step * runIndex + TimeSpan.FromMilliseconds(i % rowsPerRun * 25);
            var tenantId = runIndex % 10 == 9 ? otherTenantId : mainTenantId;
            var flowKey = Flows[runIndex % Flows.Length];
            if (i % rowsPerRun == 0)
            {
                runTenant.Value = tenantId;
                runFlow.Value = flowKey;
                runStatus.Value = random.Next(20) == 0 ? (int)RunStatus.CompletedWithErrors : (int)RunStatus.Succeeded;
                runAt.Value = Stamp(when);
                runId = (long)(await insertRun.ExecuteScalarAsync())!;
            }
            var roll = random.Next(1000);
            var kind = roll switch
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
            tenant.Value = tenantId;
            run.Value = runId;
            flow.Value = flowKey;
            outcome.Value = (int)kind;
            at.Value = Stamp(when);
            source.Value = article;
            target.Value = kind is Outcome.Failed && random.Next(2) == 0 ? DBNull.Value : optiplyId;
            message.Value = kind switch
            {
                Outcome.Created => $"Created in Optiply as {optiplyId}.",
                Outcome.Updated => $"Updated in Optiply as {optiplyId}.",
                Outcome.Skipped => "The item is not sold in the selected warehouses, so it was not sent.",
                Outcome.Warning => $"Updated in Optiply as {optiplyId}. Note: minimumPurchaseQuantity: the value was rounded up to 1.",
                Outcome.Deleted => $"Removed from Optiply ({optiplyId}). It was deleted in Exact Online.",
                _ => Failures[random.Next(Failures.Length)],
            };
            var price = (random.Next(100, 99_999) / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sourcePayload.Value = $$"""{"ID":"{{Guid.NewGuid()}}","Code":"{{article}}","Description":"Stainless hinge {{article}} 80 mm","CostPriceStandard":{{price}},"Unit":"pc","IsSalesItem":true,"IsPurchaseItem":true,"Modified":"/Date({{(long)(when - DateTime.UnixEpoch).TotalMilliseconds}})/","Barcode":"87{{random.NextInt64(10_000_000_000, 99_999_999_999)}}"}""";
            targetPayload.Value = kind is Outcome.Skipped ? DBNull.Value : $$"""{"name":"Stainless hinge {{article}} 80 mm","skuCode":"{{article}}","price":{{price}},"unlimitedStock":false,"status":"enabled"}""";
            response.Value = kind is Outcome.Created or Outcome.Updated or Outcome.Warning
                ? $$"""{"data":{"id":"{{optiplyId}}","type":"products","attributes":{"skuCode":"{{article}}","price":{{price}}""" + "}}}"
                : DBNull.Value;
            await insert.ExecuteNonQueryAsync();
            if ((i + 1) % 200_000 == 0) Console.WriteLine($"  {i + 1:N0} rows ({watch.Elapsed.TotalSeconds:F1} s)");
        }
        await tx.CommitAsync();
        Console.WriteLine($"Filled {rows:N0} log rows in {watch.Elapsed.TotalSeconds:F1} s.");
    }

    /// <summary>The text form EF's SQLite provider stores DateTime in, so index order is time order.</summary>
    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
