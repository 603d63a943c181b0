using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>
/// Each provider's migration set, checked without a server (SQL Server cannot be installed here): it belongs to the
/// model the code builds, and EF turns it into the idempotent script an operator runs by hand.
/// </summary>
public sealed class MigrationSetTests
{
    private const string SqlServerConnection = "Server=sql.example.invalid;Database=koppel;User Id=koppel;Password=unused;TrustServerCertificate=True";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=pg.example.invalid;Database=koppel")]
    [InlineData(DatabaseProvider.SqlServer, SqlServerConnection)]
    public void The_providers_migration_set_has_no_pending_model_changes(DatabaseProvider provider, string connection)
    {
        using var db = Context(provider, connection);

        Assert.Equal(DatabaseOptions.MigrationsAssembly(provider), db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
        Assert.Contains("20261206030000_Scheduler", db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=pg.example.invalid;Database=koppel")]
    [InlineData(DatabaseProvider.SqlServer, SqlServerConnection)]
    public void The_migration_script_generates_idempotent_where_the_provider_can(DatabaseProvider provider, string connection)
    {
        using var db = Context(provider, connection);

        // SQLite has no conditional blocks for an idempotent script; the hub migrates it at start anyway.
        var script = db.GetService<IMigrator>().GenerateScript(options: provider == DatabaseProvider.Sqlite
            ? MigrationsSqlGenerationOptions.Default
            : MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("20261206030000_Scheduler", script);
        Assert.Contains("NextDueAt", script);
    }

    [Fact]
    public void On_sql_server_text_is_unicode_with_the_models_lengths_and_timestamps_are_datetime2()
    {
        using var db = Context(DatabaseProvider.SqlServer, SqlServerConnection);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("[Slug] nvarchar(64) NOT NULL", script);
        Assert.Contains("[Message] nvarchar(max) NOT NULL", script);
        Assert.Contains("[NextDueAt] datetime2 NULL", script);
        Assert.Contains("[Id] bigint NOT NULL IDENTITY", script);
        Assert.DoesNotContain("qrtz", script); // Quartz never ran on SQL Server
    }

    private static KoppelDb Context(DatabaseProvider provider, string connection)
    {
        var builder = new DbContextOptionsBuilder<KoppelDb>();
        new DatabaseOptions(provider, connection).Configure(builder);
        return new KoppelDb(builder.Options);
    }
}
