using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Tests.Sync;

/// <summary>The engine's core promises, checked on each supported database.</summary>
public sealed class FlowRunnerOnBothDatabasesTests
{
    private static async Task<(Engine Engine, TestDatabase Database)> StartAsync(DatabaseProvider provider, int items)
    {
        var database = await TestDatabases.CreateAsync(provider);
        // The scheduler stays off: a new tenant's flow is due at once, and its run would take the flow from the test's.
        // (Scheduling on both databases is covered in Scheduling/.)
        var engine = await Engine.StartAsync(items, provider: provider.ToString(), connectionString: database.ConnectionString, scheduler: false);
        return (engine, database);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Incremental_full_and_changed_runs_write_exactly_what_changed(DatabaseProvider provider)
    {
        var (engine, database) = await StartAsync(provider, items: 30);
        await using var _ = database;
        await using var __ = engine;

        var first = await engine.RunAsync();
        engine.Shop.PutItem("00011", "Item 11 new name", 11m);
        var changed = await engine.RunAsync();
        var full = await engine.RunAsync(RunMode.Full);

        Assert.Equal((30, 30), (first.Read, first.Created));
        Assert.Equal((1, 1), (changed.Read, changed.Updated));
        Assert.Equal((30, 30, 0), (full.Read, full.Unchanged, full.Updated));
        Assert.Equal(30, engine.Shop.Products.Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_run_stopped_midway_resumes_without_duplicates(DatabaseProvider provider)
    {
        var (engine, database) = await StartAsync(provider, items: 40);
        await using var _ = database;
        await using var __ = engine;
        engine.Faults.Plan("test-shop", new FaultPlan { DelayMilliseconds = 15 });
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (engine.Shop.Products.Count < 12) await Task.Delay(5);
            await stop.CancelAsync();
        });

        var stopped = await engine.RunAsync(ct: stop.Token);
        await watcher;
        engine.Faults.Clear("test-shop");
        var resumed = await engine.RunAsync();

        Assert.Equal(RunStatus.Failed, stopped.Status);
        Assert.Equal(RunStatus.Succeeded, resumed.Status);
        Assert.Equal(40, engine.Shop.Products.Values.Select(p => (string)p["remoteId"]!).Distinct().Count());
        Assert.Equal(40, engine.Shop.Products.Count);
        Assert.Equal(40, await engine.LinkCountAsync());
    }
}
