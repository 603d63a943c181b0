using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>The hand-written migrations and snapshot describe exactly the model the code builds.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrating_an_empty_database_applies_every_migration(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_migrated_database_has_no_pending_model_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), DescribeDrift(db));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_snapshot_matches_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var db = database.CreateContext();

        var drift = Differences(db);

        Assert.True(drift.Count == 0, DescribeDrift(db));
    }

    /// <summary>What EF would put in the next migration: the snapshot compared with the live model.</summary>
    private static IReadOnlyList<MigrationOperation> Differences(KoppelDb db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model
            ?? throw new InvalidOperationException("The migrations assembly has no model snapshot.");
        // The snapshot instance is shared and already finalized once Migrate() has looked at it in this process.
        if (snapshot is IMutableModel mutable and Annotatable { IsReadOnly: false }) snapshot = mutable.FinalizeModel();
        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        return db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshot.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
    }

    private static string DescribeDrift(KoppelDb db)
    {
        var operations = Differences(db);
        return operations.Count == 0
            ? "The snapshot matches the model, but EF still reports pending changes."
            : "The model changed; write a migration with these operations and update KoppelDbModelSnapshot " +
              "(recipe at the top of that file):" + Environment.NewLine +
              string.Join(Environment.NewLine, operations.Select(o => "  " + MigrationOperationText.Describe(o)));
    }
}
