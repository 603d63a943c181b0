using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Koppel.Benchmarks.LogQuery;

/// <summary>
/// Writes the generated log into PostgreSQL with binary COPY. The log's secondary indexes (the word index too)
/// are dropped before and built again after, as a bulk load is done; the build time is printed.
/// </summary>
internal static class PostgresFiller
{
    public static async Task FillAsync(string connectionString, int rows, int mainTenantId, int otherTenantId)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var indexes = await IndexDefinitionsAsync(connection);
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");

        var runs = new List<BenchRun>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "SyncLog" ("TenantId", "RunId", "Flow", "Outcome", "At", "SourceKey", "DisplayName", "TargetKey", "Message", "SourcePayload", "TargetPayload", "TargetResponse") FROM STDIN (FORMAT BINARY)"""))
        {
            var written = 0;
            foreach (var row in LogRows.Generate(rows, mainTenantId, otherTenantId))
            {
                if (row is BenchRun run) { runs.Add(run); continue; }
                var e = (BenchEntry)row;
                await copy.StartRowAsync();
                await copy.WriteAsync(e.TenantId, NpgsqlDbType.Integer);
                await copy.WriteAsync(e.RunId, NpgsqlDbType.Bigint);
                await copy.WriteAsync(e.Flow, NpgsqlDbType.Varchar);
                await copy.WriteAsync((int)e.Outcome, NpgsqlDbType.Integer);
                await copy.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(e.SourceKey, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.DisplayName, NpgsqlDbType.Varchar);
                await WriteTextAsync(copy, e.TargetKey, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Message, NpgsqlDbType.Text);
                await copy.WriteAsync(e.SourcePayload, NpgsqlDbType.Text);
                await WriteTextAsync(copy, e.TargetPayload, NpgsqlDbType.Text);
                await WriteTextAsync(copy, e.TargetResponse, NpgsqlDbType.Text);
                if (++written % 500_000 == 0) Console.WriteLine($"  {written:N0} rows ({watch.Elapsed.TotalSeconds:F1} s)");
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY "SyncRuns" ("Id", "TenantId", "Flow", "Mode", "Trigger", "Status", "StartedAt", "EndedAt", "Read", "Created", "Updated", "Unchanged", "Skipped", "Failed", "Deleted") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var run in runs)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(run.Id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(run.TenantId, NpgsqlDbType.Integer);
                await copy.WriteAsync(run.Flow, NpgsqlDbType.Varchar);
                foreach (var number in new[] { 1, 1, (int)run.Status }) await copy.WriteAsync(number, NpgsqlDbType.Integer);
                await copy.WriteAsync(run.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(run.At, NpgsqlDbType.TimestampTz);
                for (var i = 0; i < 7; i++) await copy.WriteAsync(0, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        await ExecuteAsync(connection, """SELECT setval(pg_get_serial_sequence('"SyncRuns"', 'Id'), (SELECT max("Id") FROM "SyncRuns"))""");
        Console.WriteLine($"Copied {rows:N0} log rows in {watch.Elapsed.TotalSeconds:F1} s; building {indexes.Count} indexes…");

        var built = Stopwatch.StartNew();
        // A bulk load's index builds get the memory to sort in (the server's default of 64 MB spills the GIN
        // indexes of millions of rows to disk in many passes).
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'");
        foreach (var (_, definition) in indexes) await ExecuteAsync(connection, definition);
        await ExecuteAsync(connection, """ANALYZE "SyncLog"; ANALYZE "SyncRuns";""");
        Console.WriteLine($"Built the indexes in {built.Elapsed.TotalSeconds:F1} s; filled in {watch.Elapsed.TotalSeconds:F1} s.");
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

    private static async Task<List<(string Name, string Definition)>> IndexDefinitionsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'SyncLog' AND indexname <> 'PK_SyncLog'""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<(string, string)>();
        while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
