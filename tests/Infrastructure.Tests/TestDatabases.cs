using Koppel.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koppel.Infrastructure.Tests;

/// <summary>
/// Fresh, empty databases for tests, one per test, on either provider: a SQLite file in its own temp folder, or
/// a uniquely named database on the PostgreSQL server named by <c>KOPPEL_TEST_POSTGRES</c> (a connection string
/// without a Database). Disposing removes the file or drops the database.
/// </summary>
/// <example>
/// <code>
/// [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.PostgreSql)]
/// public async Task Something(DatabaseProvider provider)
/// {
///     await using var database = await TestDatabases.CreateAsync(provider);
///     await using var db = await database.MigratedContextAsync();
/// }
/// </code>
/// </example>
public static class TestDatabases
{
    public const string PostgresServerVariable = "KOPPEL_TEST_POSTGRES";
    public const string DefaultPostgresServer = "Host=127.0.0.1;Username=portal;Password=portal";

    /// <summary>The PostgreSQL server the tests use. An unreachable server fails the tests: they never skip.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresServerVariable) is { Length: > 0 } configured ? configured : DefaultPostgresServer;

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken ct = default) => provider switch
    {
        DatabaseProvider.Sqlite => Task.FromResult(Sqlite()),
        DatabaseProvider.PostgreSql => PostgreSqlAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static TestDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("koppel-test-");
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder.FullName, "koppel.db"),
            Pooling = false, // so disposing can delete the file right away
        }.ToString();
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, connectionString), folder.FullName, null);
    }

    public static async Task<TestDatabase> PostgreSqlAsync(CancellationToken ct = default)
    {
        var name = $"koppel_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"", ct);
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.PostgreSql, connectionString), null, name);
    }

    internal static async Task ExecuteOnServerAsync(string sql, CancellationToken ct = default)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ToString());
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>One empty test database; see <see cref="TestDatabases"/>.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFolder;
    private readonly string? postgresDatabase;

    internal TestDatabase(DatabaseOptions options, string? sqliteFolder, string? postgresDatabase)
    {
        Options = options;
        this.sqliteFolder = sqliteFolder;
        this.postgresDatabase = postgresDatabase;
    }

    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;
    public string ConnectionString => Options.ConnectionString;

    /// <summary>A new context on this database; the caller disposes it.</summary>
    public KoppelDb CreateContext()
    {
        var builder = new DbContextOptionsBuilder<KoppelDb>();
        Options.Configure(builder);
        return new KoppelDb(builder.Options);
    }

    /// <summary>This database as the factory services take.</summary>
    public IDbContextFactory<KoppelDb> Factory() => new ContextFactory(this);

    private sealed class ContextFactory(TestDatabase database) : IDbContextFactory<KoppelDb>
    {
        public KoppelDb CreateDbContext() => database.CreateContext();
    }

    /// <summary>Applies the migrations the way the application does and returns a new context.</summary>
    public async Task<KoppelDb> MigratedContextAsync(CancellationToken ct = default)
    {
        await using (var db = CreateContext()) await DatabaseMigrator.MigrateAsync(db, ct);
        return CreateContext();
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFolder is not null)
        {
            try { Directory.Delete(sqliteFolder, recursive: true); }
            catch (IOException) { /* a leftover temp folder is not worth failing a test for */ }
        }
        if (postgresDatabase is not null)
        {
            // FORCE ends connections still held by pools (EF's) on this database only. It may not end an autovacuum
            // worker (a superuser's process) busy on the new tables: that one finishes in a moment, so try again.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await TestDatabases.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
                {
                    await Task.Delay(250);
                }
            }
        }
    }
}
