using Koppel.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>Start-up migration: repeatable, and on SQLite it leaves the file ready for one writer and many readers.</summary>
public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task A_migrated_sqlite_file_stays_in_write_ahead_log_mode_for_every_later_connection()
    {
        await using var database = TestDatabases.Sqlite();
        await (await database.MigratedContextAsync()).DisposeAsync();

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        db.Tenants.Add(new() { Slug = "demo-exact", Name = "Demo", Integration = "exact-optiply" });
        await db.SaveChangesAsync();

        await DatabaseMigrator.MigrateAsync(db);

        Assert.Equal(1, await db.Tenants.CountAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
