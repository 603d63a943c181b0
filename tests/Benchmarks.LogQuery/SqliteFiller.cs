using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Koppel.Benchmarks.LogQuery;

/// <summary>Writes the generated log into SQLite through prepared statements in one transaction.</summary>
internal static class SqliteFiller
{
    public static async Task FillAsync(string connectionString, int rows, int mainTenantId, int otherTenantId)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // Safe only because a failed fill is thrown away and started again. A page cache of 1 GB keeps the
            // indexes' and the full-text table's pages in memory while millions of rows go in.
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var insertRun = Command(connection, tx, """
            INSERT INTO SyncRuns (Id, TenantId, Flow, Mode, "Trigger", Status, StartedAt, EndedAt, Read, Created, Updated, Unchanged, Skipped, Failed, Deleted)
            VALUES ($id, $tenant, $flow, 1, 1, $status, $at, $at, 0, 0, 0, 0, 0, 0, 0);
            """, "$id", "$tenant", "$flow", "$status", "$at");
        var insert = Command(connection, tx, """
            INSERT INTO SyncLog (TenantId, RunId, Flow, Outcome, At, SourceKey, DisplayName, TargetKey, Message, SourcePayload, TargetPayload, TargetResponse)
            VALUES ($tenant, $run, $flow, $outcome, $at, $source, $name, $target, $message, $sourcePayload, $targetPayload, $response);
            """, "$tenant", "$run", "$flow", "$outcome", "$at", "$source", "$name", "$target", "$message", "$sourcePayload", "$targetPayload", "$response");
        var written = 0;
        foreach (var row in LogRows.Generate(rows, mainTenantId, otherTenantId))
        {
            if (row is BenchRun run)
            {
                await ExecuteAsync(insertRun, run.Id, run.TenantId, run.Flow, (int)run.Status, Stamp(run.At));
                continue;
            }
            var e = (BenchEntry)row;
            await ExecuteAsync(insert, e.TenantId, e.RunId, e.Flow, (int)e.Outcome, Stamp(e.At), e.SourceKey, e.DisplayName, e.TargetKey, e.Message,
                e.SourcePayload, e.TargetPayload, e.TargetResponse);
            if (++written % 500_000 == 0) Console.WriteLine($"  {written:N0} rows ({watch.Elapsed.TotalSeconds:F1} s)");
        }
        await tx.CommitAsync();
        Console.WriteLine($"Filled {rows:N0} log rows in {watch.Elapsed.TotalSeconds:F1} s.");
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(name, SqliteType.Text);
        command.Prepare();
        return command;
    }

    private static Task<int> ExecuteAsync(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command.ExecuteNonQueryAsync();
    }

    /// <summary>The text form EF's SQLite provider stores DateTime in, so index order is time order.</summary>
    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
}
