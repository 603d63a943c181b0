using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Koppel.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// The one place that knows which database provider is in use. Adding SQL Server later is one package
/// and one case here (plus its Quartz delegate).
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var p)
                ? p
                : throw new InvalidOperationException(
                    $"Database:Provider \"{providerName}\" is not supported; use \"Sqlite\" or \"PostgreSql\".");
        var connectionString = configuration.GetConnectionString("Koppel");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException("ConnectionStrings:Koppel is required when Database:Provider is PostgreSql.");
            var dataFolder = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(dataFolder);
            connectionString = $"Data Source={Path.Combine(dataFolder, "koppel.db")}";
        }
        return new DatabaseOptions(provider, connectionString);
    }

    public void Configure(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly(typeof(KoppelDb).Assembly.FullName));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(typeof(KoppelDb).Assembly.FullName));
                break;
        }
    }
}
