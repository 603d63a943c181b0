using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Koppel.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSql; the connection string is never opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KoppelDb>
{
    public KoppelDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KoppelDb>();
        DatabaseOptions.ConfigureProvider(options, DatabaseProvider.PostgreSql, DesignTimeConnection);
        return new KoppelDb(options.Options);
    }

    private const string DesignTimeConnection = "Host=localhost;Database=koppel_design";
}
