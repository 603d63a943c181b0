using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Koppel.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, PostgreSql, SqlServer }

/// <summary>
/// The one place that knows which database provider is in use. Each provider has its own migration set, generated
/// by the EF tools into its own assembly (Persistence/Migrations/&lt;Provider&gt;), because the generated SQL and
/// column types differ per provider.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var p) && Enum.IsDefined(p)
                ? p
                : throw new InvalidOperationException(
                    $"Database:Provider \"{providerName}\" is not supported; use \"Sqlite\", \"PostgreSql\" or \"SqlServer\".");
        var connectionString = configuration.GetConnectionString("Koppel");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException($"ConnectionStrings:Koppel is required when Database:Provider is {provider}.");
            var dataFolder = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "koppel.db")}";
        }
        return new DatabaseOptions(provider, connectionString);
    }

    /// <summary>The assembly holding a provider's migration set; the host references all three projects.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => $"Koppel.Migrations.{provider}";

    public void Configure(DbContextOptionsBuilder builder) => ConfigureProvider(builder, Provider, ConnectionString);

    public static void ConfigureProvider(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        // Capped counts (the log viewer's "more than 10,000") take any cap + 1 rows on purpose on PostgreSQL: an order
        // only decides which rows come first, and makes the server read them in that order to count them.
        builder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(WithoutJit(connectionString), o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    /// <summary>
    /// Switches PostgreSQL's JIT compilation off for the hub's sessions, unless the connection string's Options say
    /// otherwise. The planner compiles a query whose estimated cost is high, and estimates can be far off: a log search
    /// for a key prefix, estimated at 200,000 rows and finding 223, spent 240 ms compiling and 3 ms running. The hub
    /// asks short questions; JIT pays off only on long analytical ones.
    /// </summary>
    private static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) == true) return connectionString;
        builder.Options = string.Join(' ', new[] { builder.Options, "-c jit=off" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        return builder.ConnectionString;
    }
}
