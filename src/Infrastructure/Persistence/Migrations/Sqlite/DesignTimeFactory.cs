using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Koppel.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for Sqlite; the connection string is never opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KoppelDb>
{
    public KoppelDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KoppelDb>();
        DatabaseOptions.ConfigureProvider(options, DatabaseProvider.Sqlite, DesignTimeConnection);
        return new KoppelDb(options.Options);
    }

    private const string DesignTimeConnection = "Data Source=design-time.db";
}
