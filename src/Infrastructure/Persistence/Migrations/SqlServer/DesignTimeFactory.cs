using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Koppel.Migrations.SqlServer;

/// <summary>Lets `dotnet ef migrations add` build the model for SqlServer; the connection string is never opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KoppelDb>
{
    public KoppelDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KoppelDb>();
        DatabaseOptions.ConfigureProvider(options, DatabaseProvider.SqlServer, DesignTimeConnection);
        return new KoppelDb(options.Options);
    }

    private const string DesignTimeConnection = "Server=localhost;Database=koppel_design;Trusted_Connection=True;TrustServerCertificate=True";
}
