using Npgsql;

namespace Koppel.Benchmarks.Scheduler;

/// <summary>A fresh database for one benchmark run: a SQLite file in a temp folder, or a new PostgreSQL database.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresName;
    private readonly string _server;

    private BenchDatabase(string connectionString, string? folder, string? postgresName, string server)
    {
        ConnectionString = connectionString;
        _folder = folder;
        _postgresName = postgresName;
        _server = server;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchOptions options)
    {
        if (options.Provider == "Sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("koppel-bench-").FullName;
            return new BenchDatabase($"Data Source={Path.Combine(folder, "koppel.db")}", folder, null, options.PostgresServer);
        }
        var name = $"koppel_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(options.PostgresServer, $"CREATE DATABASE \"{name}\"");
        return new BenchDatabase(new NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = name }.ToString(), null, name, options.PostgresServer);
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null) try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        if (_postgresName is not null) await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
    }
}
