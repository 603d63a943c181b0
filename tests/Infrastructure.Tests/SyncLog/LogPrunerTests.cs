using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.SyncLog.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>Log retention on both databases: old entries go in batches, each record's latest outcome stays.</summary>
public sealed class LogPrunerTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private static LogPruner Pruner(TestDatabase database, int batchSize = 1_000) =>
        new(database.Factory(), Options.Create(new LogRetentionOptions { RetentionDays = 90, BatchSize = batchSize }), TimeProvider.System);

    private static SyncLogEntry Entry(int tenantId, long runId, string flow, string key, DateTime at, Outcome outcome = Outcome.Updated) => new()
    {
        TenantId = tenantId, RunId = runId, Flow = flow, SourceKey = key, At = at, Outcome = outcome,
        Message = $"{key} {outcome} at {at:O}", SourcePayload = $$"""{"code":"{{key}}"}""",
    };

    private static async Task<(int Tenant, long Run)> TenantAsync(KoppelDb db)
    {
        var tenant = new Tenant { Slug = "shop", Name = "Shop", Integration = "test-shop" };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        var run = new SyncRun { TenantId = tenant.Id, Flow = "products", Status = RunStatus.Succeeded, StartedAt = Now.AddDays(-200) };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync();
        return (tenant.Id, run.Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Old_entries_go_but_every_records_latest_outcome_stays_however_old(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var (tenant, run) = await TenantAsync(db);
        db.SyncLog.AddRange(
            // A: failed long ago, fixed long ago: only the fix stays.
            Entry(tenant, run, "products", "A", Now.AddDays(-200), Outcome.Failed),
            Entry(tenant, run, "products", "A", Now.AddDays(-150)),
            // B: old history and a recent outcome: only the recent one stays.
            Entry(tenant, run, "products", "B", Now.AddDays(-120)),
            Entry(tenant, run, "products", "B", Now.AddDays(-5)),
            // C in another flow: its only outcome is old and stays; so does the same key's in products.
            Entry(tenant, run, "stocks", "A", Now.AddDays(-180)),
            // D: everything recent stays.
            Entry(tenant, run, "products", "D", Now.AddDays(-10), Outcome.Failed),
            Entry(tenant, run, "products", "D", Now.AddDays(-1)));
        await db.SaveChangesAsync();

        var deleted = await Pruner(database, batchSize: 10).PruneAsync(default);

        var left = await db.SyncLog.AsNoTracking().OrderBy(l => l.Id).Select(l => $"{l.Flow}/{l.SourceKey} {l.Outcome} {(Now - l.At).Days}d").ToListAsync();
        Assert.Equal(2, deleted);
        Assert.Equal(["products/A Updated 150d", "products/B Updated 5d", "stocks/A Updated 180d", "products/D Failed 10d", "products/D Updated 1d"], left);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Pruning_in_small_batches_lets_a_run_write_its_pages_meanwhile(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        int tenant;
        long run;
        await using (var db = await database.MigratedContextAsync())
        {
            (tenant, run) = await TenantAsync(db);
            // 20,000 old entries: 5,000 records with four outcomes each, oldest first as runs write them.
            for (var round = 0; round < 4; round++)
            {
                db.SyncLog.AddRange(Enumerable.Range(0, 5_000).Select(i => Entry(tenant, run, "products", $"OLD-{i}", Now.AddDays(-200 + round))));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        // A run writing 40 pages of 50 entries while the pruner works through the old part of the log.
        var pruning = Pruner(database, batchSize: 500).PruneAsync(default);
        var written = 0;
        for (var page = 0; page < 40; page++)
        {
            await using var db = database.CreateContext();
            db.SyncLog.AddRange(Enumerable.Range(0, 50).Select(i => Entry(tenant, run, "products", $"NEW-{page}-{i}", DateTime.UtcNow)));
            written += await db.SaveChangesAsync();
        }
        var deleted = await pruning;

        await using var check = database.CreateContext();
        Assert.Equal(2_000, written);
        Assert.Equal(15_000, deleted);
        Assert.Equal(2_000, await check.SyncLog.CountAsync(l => l.SourceKey.StartsWith("NEW-")));
        // Each old record keeps exactly its latest outcome.
        var kept = await check.SyncLog.Where(l => l.SourceKey.StartsWith("OLD-")).Select(l => l.At).ToListAsync();
        Assert.Equal(5_000, kept.Count);
        Assert.All(kept, at => Assert.Equal(-197, (at.Date - Now.Date).Days));
    }
}
