using System.Data.Common;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>
/// A database made by the migrations the hub shipped before the per-provider sets (kept as a fixture in
/// TodaysMigrations: hand-written, provider-neutral, with Quartz's tables on PostgreSQL), filled with data, then
/// migrated by today's set for its provider: every row is still there and the schema is the model's.
/// </summary>
public sealed class MigrateForwardTests
{
    private static readonly DateTime RunStart = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_database_of_the_previous_release_migrates_forward_with_its_data(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using (var old = PreviousRelease(database))
        {
            await DatabaseMigrator.MigrateAsync(old);
            await FillAsync(old);
        }
        var quartzBefore = await QuartzTablesAsync(database);

        await using var db = await database.MigratedContextAsync();

        Assert.Contains("20261206030000_Scheduler", await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        var tenant = await db.Tenants.Include(t => t.Connections).SingleAsync();
        Assert.Equal(("acme", "Acme BV"), (tenant.Slug, tenant.Name));
        Assert.Equal("{\"division\":\"1234\"}", Assert.Single(tenant.Connections).FieldsJson);
        var state = await db.FlowStates.SingleAsync();
        Assert.Equal(("products", "15", "page-7"), (state.Flow, state.Schedule, state.Cursor));
        Assert.Equal(RunStart, state.LastSucceededAt); // filled in from the run that reached the end
        Assert.Null(state.NextDueAt);                  // the scheduler computes it at start
        var run = await db.SyncRuns.SingleAsync();
        Assert.Equal((RunStatus.Succeeded, 40, RunStart), (run.Status, run.Read, run.StartedAt));
        Assert.Equal("ART-01234", (await db.SyncLog.SingleAsync()).SourceKey);
        Assert.Equal("OPT-9", (await db.RecordLinks.SingleAsync()).TargetId);
        Assert.Equal("<key/>", (await db.DataProtectionKeys.SingleAsync()).Xml);
        if (provider == DatabaseProvider.PostgreSql)
        {
            Assert.NotEmpty(quartzBefore);
            Assert.Empty(await QuartzTablesAsync(database));
        }
    }

    [Fact]
    public async Task Log_search_on_sqlite_finds_rows_logged_before_and_after_the_migration()
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        await using (var old = PreviousRelease(database))
        {
            await DatabaseMigrator.MigrateAsync(old);
            await FillAsync(old);
        }
        await using var db = await database.MigratedContextAsync();
        db.SyncLog.Add(new SyncLogEntry
        {
            TenantId = 1, RunId = 1, Flow = "products", Outcome = Outcome.Created, At = RunStart.AddMinutes(1),
            SourceKey = "ART-05555", Message = "Created after the upgrade",
        });
        await db.SaveChangesAsync();

        var before = await MatchesAsync(db, "ART-01234");
        var after = await MatchesAsync(db, "ART-05555");

        Assert.Equal(1, Assert.Single(before));
        Assert.Equal(2, Assert.Single(after));
    }

    /// <summary>Ids of the log rows the full-text index finds for a word.</summary>
    private static Task<List<long>> MatchesAsync(KoppelDb db, string word) =>
        db.Database.SqlQueryRaw<long>("SELECT rowid AS \"Value\" FROM SyncLogText WHERE SyncLogText MATCH {0}", $"\"{word}\"").ToListAsync();

    /// <summary>A context whose migrations are the previous release's, as a hub of that release would have run them.</summary>
    private static KoppelDb PreviousRelease(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<KoppelDb>();
        database.Options.Configure(builder);
        var assembly = typeof(MigrateForwardTests).Assembly.GetName().Name!;
        if (database.Provider == DatabaseProvider.Sqlite) builder.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(assembly));
        else builder.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(assembly));
        // That release's snapshot describes that release's model, not today's.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new KoppelDb(builder.Options);
    }

    /// <summary>Rows written the way that release's schema takes them (today's entities have columns it lacks).</summary>
    private static async Task FillAsync(KoppelDb db)
    {
        var t = RunStart;
        await db.Database.ExecuteSqlInterpolatedAsync($$"""INSERT INTO "Tenants" ("Slug", "Name", "Integration", "SettingsJson", "CreatedAt", "UpdatedAt") VALUES ('acme', 'Acme BV', 'exact-optiply', '{}', {{t}}, {{t}})""");
        await db.Database.ExecuteSqlInterpolatedAsync($$"""INSERT INTO "Connections" ("TenantId", "System", "FieldsJson", "ProtectedSecrets", "UpdatedAt") VALUES (1, 'exactOnline', '{"division":"1234"}', 'sealed', {{t}})""");
        await db.Database.ExecuteSqlInterpolatedAsync($$"""INSERT INTO "SyncRuns" ("TenantId", "Flow", "Mode", "Trigger", "Status", "StartedAt", "EndedAt", "Read", "Created", "Updated", "Unchanged", "Skipped", "Failed", "Deleted") VALUES (1, 'products', 1, 1, 2, {{t}}, {{t.AddMinutes(2)}}, 40, 39, 0, 0, 0, 1, 0)""");
        await db.Database.ExecuteSqlInterpolatedAsync($$"""INSERT INTO "FlowStates" ("TenantId", "Flow", "Enabled", "Schedule", "Cursor", "LastRunId", "LastRunAt", "LastRunStatus") VALUES (1, 'products', {{true}}, '15', 'page-7', 1, {{t}}, 2)""");
        await db.Database.ExecuteSqlInterpolatedAsync($$"""INSERT INTO "SyncLog" ("TenantId", "RunId", "Flow", "Outcome", "At", "SourceKey", "TargetKey", "Message") VALUES (1, 1, 'products', 5, {{t}}, 'ART-01234', NULL, 'Optiply refused the price: must be positive')""");
        await db.Database.ExecuteSqlInterpolatedAsync($$"""INSERT INTO "RecordLinks" ("TenantId", "Entity", "SourceId", "TargetId", "PayloadHash", "UpdatedAt") VALUES (1, 'product', 'guid-1', 'OPT-9', 'abc', {{t}})""");
        await db.Database.ExecuteSqlInterpolatedAsync($$"""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ('key', '<key/>')""");
    }

    private static async Task<List<string>> QuartzTablesAsync(TestDatabase database)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return [];
        await using var db = database.CreateContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'qrtz%'";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
