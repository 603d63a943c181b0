using Koppel.Domain.Sync;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>Open errors as the engine keeps them: one per failing record, resolved by a later run or by hand.</summary>
public sealed class OpenErrorTests
{
    private static async Task<List<OpenError>> ErrorsAsync(Engine engine)
    {
        await using var db = await engine.Hub.DbAsync();
        return await db.OpenErrors.AsNoTracking().OrderBy(o => o.SourceKey).ToListAsync();
    }

    private static ErrorInbox Inbox(Engine engine) => engine.Hub.Get<ErrorInbox>();

    [Fact]
    public async Task A_failed_record_opens_one_error_with_its_reason_and_log_entry()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        engine.Shop.PutItem("00005", null, 5m);

        await engine.RunAsync();

        var error = Assert.Single(await ErrorsAsync(engine));
        var failure = Assert.Single(await engine.LogAsync(), l => l.Outcome == Outcome.Failed);
        Assert.Equal(("products", "00005", 1, failure.Id, failure.Message), (error.Flow, error.SourceKey, error.Attempts, error.LastLogId, error.Reason));
        Assert.True(error.IsOpen);
        Assert.Equal(1, await Inbox(engine).CountAsync(Engine.Tenant, null, default));
    }

    [Fact]
    public async Task Failing_again_counts_an_attempt_instead_of_a_second_error()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        engine.Shop.PutItem("00005", null, 5m);

        await engine.RunAsync();
        await engine.RunAsync();

        Assert.Equal(2, (await engine.LogAsync()).Count(l => l.Outcome == Outcome.Failed));
        var error = Assert.Single(await ErrorsAsync(engine));
        Assert.Equal(2, error.Attempts);
        Assert.Equal(1, await Inbox(engine).CountAsync(Engine.Tenant, "products", default));
    }

    [Fact]
    public async Task A_later_run_that_writes_the_record_resolves_its_error()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        engine.Shop.PutItem("00005", null, 5m);
        await engine.RunAsync();
        engine.Shop.PutItem("00005", "Item 5 fixed", 5m);

        await engine.RunAsync();

        var error = Assert.Single(await ErrorsAsync(engine));
        Assert.False(error.IsOpen);
        Assert.Null(error.ResolvedBy);
        Assert.Equal(0, await Inbox(engine).CountAsync(Engine.Tenant, null, default));
    }

    [Fact]
    public async Task Support_resolves_an_error_with_a_note_and_reopens_it()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        engine.Shop.PutItem("00005", null, 5m);
        await engine.RunAsync();
        var id = Assert.Single(await ErrorsAsync(engine)).Id;

        Assert.True(await Inbox(engine).ResolveAsync(Engine.Tenant, id, "support@koppel.test", "Fixed in the shop by hand", default));
        var resolved = Assert.Single(await ErrorsAsync(engine));
        Assert.Equal(("support@koppel.test", "Fixed in the shop by hand"), (resolved.ResolvedBy, resolved.ResolutionNote));
        Assert.Equal(0, await Inbox(engine).CountAsync(Engine.Tenant, null, default));

        Assert.True(await Inbox(engine).ReopenAsync(Engine.Tenant, id, default));
        Assert.True(Assert.Single(await ErrorsAsync(engine)).IsOpen);
        Assert.Equal(1, await Inbox(engine).CountAsync(Engine.Tenant, null, default));
    }

    [Fact]
    public async Task The_same_reason_on_many_records_is_one_group_with_their_count()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        foreach (var key in new[] { "00002", "00005", "00007" }) engine.Shop.PutItem(key, null, 5m);

        await engine.RunAsync();

        var group = Assert.Single(await Inbox(engine).GroupsAsync(Engine.Tenant, new(), default));
        Assert.Equal((Engine.Tenant, "products", 3), (group.Tenant, group.Flow, group.Count));
        Assert.Contains("name is required", group.Reason);
        Assert.Equal(["00002", "00005", "00007"], (await Inbox(engine).RecordsAsync(Engine.Tenant, new(Flow: "products", Reason: group.Reason), default)).Select(r => r.SourceKey).Order());
        Assert.Equal(3, await Inbox(engine).ResolveGroupAsync(Engine.Tenant, new(Flow: "products", Reason: group.Reason), "support@koppel.test", "Known shop bug", default));
        Assert.Empty(await Inbox(engine).GroupsAsync(null, new(), default));
    }

    [Fact]
    public async Task Groups_are_found_by_text_in_their_reason_in_any_case_and_by_how_long_they_have_failed()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        foreach (var key in new[] { "00002", "00005" }) engine.Shop.PutItem(key, null, 5m);
        await engine.RunAsync();
        await using (var db = await engine.Hub.DbAsync())
            await db.OpenErrors.Where(o => o.SourceKey == "00002").ExecuteUpdateAsync(s => s.SetProperty(o => o.FirstFailedAt, DateTime.UtcNow.AddDays(-2)));

        Assert.Equal(2, Assert.Single(await Inbox(engine).GroupsAsync(Engine.Tenant, new(Text: "NAME IS"), default)).Count);
        Assert.Empty(await Inbox(engine).GroupsAsync(Engine.Tenant, new(Text: "price"), default));
        Assert.Equal(1, Assert.Single(await Inbox(engine).GroupsAsync(Engine.Tenant, new(FailingFor: TimeSpan.FromDays(1)), default)).Count);
        Assert.Empty(await Inbox(engine).GroupsAsync(Engine.Tenant, new(FailingFor: TimeSpan.FromDays(3)), default));
    }
}
