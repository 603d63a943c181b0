using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync.Mappings;
using Microsoft.EntityFrameworkCore;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Tests.Sync;

public sealed class FlowRunnerTests
{
    [Fact]
    public async Task First_incremental_run_creates_every_item_and_links_it()
    {
        await using var engine = await Engine.StartAsync(items: 25);

        var run = await engine.RunAsync();

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal((25, 25, 0), (run.Read, run.Created, run.Failed));
        Assert.Equal(25, engine.Shop.Products.Count);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString("D5")), engine.Shop.Products.Values.Select(p => (string)p["remoteId"]!).Order());
        Assert.Equal(25, await engine.LinkCountAsync());
        Assert.All(await engine.LogAsync(), l => Assert.Equal(Outcome.Created, l.Outcome));
    }

    [Fact]
    public async Task Second_incremental_run_without_changes_reads_one_empty_page_and_writes_nothing()
    {
        await using var engine = await Engine.StartAsync(items: 25);
        await engine.RunAsync();
        var readsBefore = engine.Shop.ItemPageReads;
        var writesBefore = engine.Shop.Writes;

        var run = await engine.RunAsync();

        Assert.Equal((0, 0, 0), (run.Read, run.Created, run.Updated));
        Assert.Equal(1, engine.Shop.ItemPageReads - readsBefore);
        Assert.Equal(writesBefore, engine.Shop.Writes);
    }

    [Fact]
    public async Task Changing_one_item_produces_exactly_one_update()
    {
        await using var engine = await Engine.StartAsync(items: 25);
        await engine.RunAsync();
        engine.Shop.PutItem("00007", "Item 7 renamed", 99m);
        var writesBefore = engine.Shop.Writes;

        var run = await engine.RunAsync();

        Assert.Equal((1, 1, 0), (run.Read, run.Updated, run.Created));
        Assert.Equal(1, engine.Shop.Writes - writesBefore);
        Assert.Equal("Item 7 renamed", (string)engine.Shop.Products.Values.Single(p => (string)p["remoteId"]! == "00007")["name"]!);
    }

    [Fact]
    public async Task Full_run_rereads_everything_but_writes_only_what_changed()
    {
        await using var engine = await Engine.StartAsync(items: 25);
        await engine.RunAsync();
        engine.Shop.PutItem("00003", "Item 3", 1234m);
        engine.Shop.PutItem("00004", "Item 4", 10 + 4 % 7); // same values, new version: the change check must spot it
        var writesBefore = engine.Shop.Writes;

        var run = await engine.RunAsync(RunMode.Full);

        Assert.Equal((25, 1, 24), (run.Read, run.Updated, run.Unchanged));
        Assert.Equal(1, engine.Shop.Writes - writesBefore);
    }

    [Fact]
    public async Task Single_record_resync_writes_the_record_even_when_unchanged()
    {
        await using var engine = await Engine.StartAsync(items: 5);
        await engine.RunAsync();
        var writesBefore = engine.Shop.Writes;

        var run = await engine.RunAsync(RunMode.SingleRecord, "00002");

        Assert.Equal((1, 1), (run.Read, run.Updated));
        Assert.Equal(1, engine.Shop.Writes - writesBefore);
        Assert.Equal(5, engine.Shop.Products.Count);
    }

    [Fact]
    public async Task A_rejected_record_is_logged_with_the_reason_and_the_run_goes_on()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        engine.Shop.PutItem("00005", null, 5m);

        var run = await engine.RunAsync();

        Assert.Equal(RunStatus.CompletedWithErrors, run.Status);
        Assert.Equal((10, 9, 1), (run.Read, run.Created, run.Failed));
        var failure = Assert.Single(await engine.LogAsync(), l => l.Outcome == Outcome.Failed);
        Assert.Equal("00005", failure.SourceKey);
        Assert.Contains("name is required", failure.Message);
        Assert.Contains("\"name\":null", failure.TargetPayload);
    }

    [Fact]
    public async Task A_record_the_tenants_mapping_could_not_fill_names_that_mapping_field_in_its_log_entry_and_open_error()
    {
        await using var engine = await Engine.StartAsync(items: 3, settings: new { skipNameless = false });
        // The tenant maps the name from the items' note, which only one item has: the others reach the store nameless.
        await engine.Hub.Get<MappingService>().SaveAsync(Engine.Tenant, "products",
            FieldMapping.Of(("name", Rules.Copy("note")), ("sku", Rules.Copy("sku")), ("price", Rules.Copy("price"))), "support@koppel.test", null, default);
        engine.Shop.PutItem("00002", "Item 2", 5m, note: "Oak shelf");

        var run = await engine.RunAsync();

        Assert.Equal((1, 2), (run.Created, run.Failed));
        var failures = (await engine.LogAsync()).Where(l => l.Outcome == Outcome.Failed).ToList();
        Assert.Equal(["00001", "00003"], failures.Select(f => f.SourceKey).Order());
        Assert.All(failures, f => Assert.Equal(DecidingSetting.Mapping("products", "name"), f.Setting));
        Assert.Null(Assert.Single(await engine.LogAsync(), l => l.Outcome == Outcome.Created).Setting);
        await using var db = await engine.Hub.Get<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        Assert.All(await db.OpenErrors.ToListAsync(), e => Assert.Equal(DecidingSetting.Mapping("products", "name"), e.Setting));
    }

    [Fact]
    public async Task A_failed_record_is_tried_again_on_the_next_incremental_run()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        engine.Shop.PutItem("00005", null, 5m);
        await engine.RunAsync();
        // Fixed in the source without a newer version reaching the cursor: only the retry can pick it up.
        engine.Shop.PutItem("00005", "Item 5 fixed", 5m);
        await engine.RunAsync();
        var run = await engine.RunAsync();

        Assert.Equal(10, engine.Shop.Products.Count);
        Assert.Equal(0, run.Failed);
        Assert.Contains(await engine.LogAsync(), l => l.SourceKey == "00005" && l.Outcome == Outcome.Created);
    }

    [Fact]
    public async Task A_rule_skips_a_nameless_item_and_logs_why()
    {
        await using var engine = await Engine.StartAsync(items: 3);
        engine.Shop.PutItem("00002", "  ", 5m);

        var run = await engine.RunAsync();

        Assert.Equal((3, 2, 1), (run.Read, run.Created, run.Skipped));
        var skipped = Assert.Single(await engine.LogAsync(), l => l.Outcome == Outcome.Skipped);
        Assert.Equal("The item has no name, so it was not sent.", skipped.Message);
    }

    [Fact]
    public async Task A_malformed_source_record_fails_alone_and_is_retried_later()
    {
        await using var engine = await Engine.StartAsync(items: 20);
        engine.Faults.Plan("test-shop", new FaultPlan { MalformedRecords = 1 });

        var first = await engine.RunAsync();
        var second = await engine.RunAsync();

        Assert.Equal((20, 19, 1), (first.Read, first.Created, first.Failed));
        var failure = Assert.Single(await engine.LogAsync(), l => l.Outcome == Outcome.Failed);
        Assert.Contains("could not be read", failure.Message);
        Assert.Contains("the price is not a number", failure.Message);
        Assert.Equal(1, second.Created);
        Assert.Equal(20, engine.Shop.Products.Count);
    }

    [Fact]
    public async Task An_item_deleted_in_the_source_is_removed_from_the_target()
    {
        await using var engine = await Engine.StartAsync(items: 5);
        await engine.RunAsync();
        engine.Shop.DeleteItem("00003");

        var run = await engine.RunAsync();

        Assert.Equal(1, run.Deleted);
        Assert.Equal(4, engine.Shop.Products.Count);
        Assert.Equal(4, await engine.LinkCountAsync());
        Assert.Contains(await engine.LogAsync(), l => l.SourceKey == "00003" && l.Outcome == Outcome.Deleted);
    }

    [Fact]
    public async Task A_run_stopped_mid_page_resumes_without_duplicates()
    {
        await using var engine = await Engine.StartAsync(items: 40);
        engine.Faults.Plan("test-shop", new FaultPlan { DelayMilliseconds = 15 });
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (engine.Shop.Products.Count < 15) await Task.Delay(5);
            await stop.CancelAsync();
        });

        var stopped = await engine.RunAsync(ct: stop.Token);
        await watcher;
        var writtenBeforeResume = engine.Shop.Products.Count;
        engine.Faults.Clear("test-shop");
        var resumed = await engine.RunAsync();

        Assert.Equal(RunStatus.Failed, stopped.Status);
        Assert.True(writtenBeforeResume is >= 15 and < 40, $"{writtenBeforeResume} written before the stop");
        Assert.Equal(RunStatus.Succeeded, resumed.Status);
        Assert.Equal(40, engine.Shop.Products.Count);
        Assert.Equal(40, engine.Shop.Products.Values.Select(p => (string)p["remoteId"]!).Distinct().Count());
        Assert.Equal(40, await engine.LinkCountAsync());
    }

    [Fact]
    public async Task Too_many_requests_and_server_errors_are_retried_until_the_run_succeeds()
    {
        await using var engine = await Engine.StartAsync(items: 15);
        engine.Faults.Plan("test-shop", new FaultPlan { AfterRequests = 3, TooManyRequests = 2, RetryAfterSeconds = 1, ServerErrors = 3 });

        var started = DateTime.UtcNow;
        var run = await engine.RunAsync();

        Assert.Equal((RunStatus.Succeeded, 15, 0), (run.Status, run.Created, run.Failed));
        Assert.Equal(15, engine.Shop.Products.Count);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1), "the Retry-After second was honoured");
    }

    [Fact]
    public async Task An_access_token_expired_mid_run_is_refreshed_and_the_call_repeated()
    {
        await using var engine = await Engine.StartAsync(items: 15);
        engine.Faults.Plan("test-shop", new FaultPlan { AfterRequests = 8, ExpireTokens = 1 });

        var run = await engine.RunAsync();

        Assert.Equal((RunStatus.Succeeded, 15), (run.Status, run.Created));
        Assert.Equal(2, engine.Shop.Requests.Count(r => r.Path.EndsWith("/token")));
    }

    [Fact]
    public async Task The_connection_rate_limit_is_never_exceeded()
    {
        var saved = TestShopIntegration.Policy;
        TestShopIntegration.Policy = saved with { PermitsPerWindow = 12, Window = TimeSpan.FromSeconds(1) };
        try
        {
            await using var engine = await Engine.StartAsync(items: 12);
            await engine.RunAsync();

            // Writes go through the limited connection; count them in every one-second window.
            var writes = engine.Shop.Requests.Where(r => r.Path.Contains("/products")).Select(r => r.At).Order().ToList();
            // Arrival times carry a few milliseconds of loopback jitter; the window is shortened by that much.
            var busiest = writes.Select(t => writes.Count(o => o >= t && o < t.AddMilliseconds(980))).Max();
            Assert.True(writes.Count >= 24, $"{writes.Count} product calls");
            Assert.True(busiest <= 12, $"{busiest} calls in one second");
        }
        finally
        {
            TestShopIntegration.Policy = saved;
        }
    }

    [Fact]
    public async Task A_second_run_of_the_same_flow_is_refused_while_the_first_runs()
    {
        await using var engine = await Engine.StartAsync(items: 30);
        engine.Faults.Plan("test-shop", new FaultPlan { DelayMilliseconds = 20 });
        var first = engine.RunAsync();
        while (engine.Shop.Products.IsEmpty) await Task.Delay(5);

        var busy = await Assert.ThrowsAsync<Koppel.Infrastructure.Sync.FlowBusy>(() => engine.RunAsync());

        Assert.Contains("already running", busy.Message);
        Assert.Equal(RunStatus.Succeeded, (await first).Status);
        Assert.Equal(RunStatus.Succeeded, (await engine.RunAsync()).Status);
    }
}
