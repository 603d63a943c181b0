using Koppel.Domain.Sync;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>The inbox's bulk retry: one run of the flow for exactly the open errors asked for.</summary>
public sealed class ErrorRetryTests
{
    private static readonly string[] Nameless = ["00002", "00005", "00007"];

    /// <summary>Three records fail for want of a name; the shop then fixes them all.</summary>
    private static async Task<(Engine Engine, string Reason)> ThreeFixedFailuresAsync()
    {
        var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        foreach (var key in Nameless) engine.Shop.PutItem(key, null, 5m);
        await engine.RunAsync();
        var reason = Assert.Single(await engine.Hub.Get<ErrorInbox>().GroupsAsync(Engine.Tenant, new(), default)).Reason;
        foreach (var key in Nameless) engine.Shop.PutItem(key, $"Item {key} fixed", 5m);
        return (engine, reason);
    }

    private static async Task<SyncRun> FinishedAsync(Engine engine, long runId)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            await using var db = await engine.Hub.DbAsync();
            var run = await db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            if (run.Status != RunStatus.Running) return run;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Run {runId} did not finish in 30 s.");
    }

    private static int CreatesOf(Engine engine, IEnumerable<string> keys) =>
        keys.Sum(key => engine.Shop.Products.Values.Count(p => (string?)p["remoteId"] == key));

    [Fact]
    public async Task Retrying_chosen_records_writes_exactly_those_once_and_leaves_the_rest_open()
    {
        var (engine, reason) = await ThreeFixedFailuresAsync();
        await using var _ = engine;
        var writesBefore = engine.Shop.Writes;

        var started = await engine.Hub.Get<ErrorRetry>().StartAsync(Engine.Tenant, "products", reason, ["00002", "00005", "not-an-open-error"], RunTrigger.Manual, default);

        var (running, cost) = Assert.NotNull(started);
        Assert.Equal((2, "Test shop", "Test store"), (cost.Records, cost.SourceSystem, cost.TargetSystem));
        var run = await FinishedAsync(engine, running.Id);
        Assert.Equal((RunMode.Records, RunStatus.Succeeded, 2, 2, 0), (run.Mode, run.Status, run.Read, run.Created, run.Failed));
        Assert.Equal(2, engine.Shop.Writes - writesBefore);
        Assert.Equal(2, CreatesOf(engine, ["00002", "00005"]));
        Assert.Equal(0, CreatesOf(engine, ["00007"]));
        var open = await engine.Hub.Get<ErrorInbox>().RecordsAsync(Engine.Tenant, new(Flow: "products", Reason: reason), default);
        Assert.Equal(["00007"], open.Select(o => o.SourceKey));
    }

    [Fact]
    public async Task Retrying_a_group_resolves_what_now_works_and_counts_another_attempt_on_what_still_fails()
    {
        var (engine, reason) = await ThreeFixedFailuresAsync();
        await using var _ = engine;
        engine.Shop.PutItem("00007", null, 5m);

        var started = await engine.Hub.Get<ErrorRetry>().StartAsync(Engine.Tenant, "products", reason, null, RunTrigger.Manual, default);

        var run = await FinishedAsync(engine, Assert.NotNull(started).Run.Id);
        Assert.Equal((RunStatus.CompletedWithErrors, 3, 2, 1), (run.Status, run.Read, run.Created, run.Failed));
        Assert.Equal(2, CreatesOf(engine, ["00002", "00005"]));
        var still = Assert.Single(await engine.Hub.Get<ErrorInbox>().RecordsAsync(Engine.Tenant, new(Flow: "products", Reason: reason), default));
        Assert.Equal(("00007", 2), (still.SourceKey, still.Attempts));
    }

    [Fact]
    public async Task A_retry_that_matches_no_open_error_starts_no_run()
    {
        await using var engine = await Engine.StartAsync(items: 5);
        await engine.RunAsync();

        Assert.Null(await engine.Hub.Get<ErrorRetry>().StartAsync(Engine.Tenant, "products", null, null, RunTrigger.Manual, default));

        await using var db = await engine.Hub.DbAsync();
        Assert.Equal(1, await db.SyncRuns.CountAsync());
    }
}
