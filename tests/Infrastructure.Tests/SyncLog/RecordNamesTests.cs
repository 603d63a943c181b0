using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Infrastructure.Tests.Sync;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>
/// Records people recognise: each log entry and open error carries the name the flow gives the record, and the log
/// search and the inbox find records by that name and by text inside what was read from the source.
/// </summary>
public sealed class RecordNamesTests
{
    private static ErrorInbox Inbox(Engine engine) => engine.Hub.Get<ErrorInbox>();

    [Fact]
    public async Task Every_logged_record_and_open_error_carries_its_name_from_the_source()
    {
        await using var engine = await Engine.StartAsync(items: 5, settings: new { skipNameless = false });
        engine.Shop.PutItem("00003", "Стілець дубовий", 12m);
        engine.Shop.PutItem("00004", null, 5m, sku: "RED-LAMP-9");

        await engine.RunAsync();

        var log = await engine.LogAsync();
        Assert.Equal("SKU-00001 · Item 1", log.Single(l => l.SourceKey == "00001").DisplayName);
        var chair = log.Single(l => l.SourceKey == "00003");
        Assert.Equal("SKU-00003 · Стілець дубовий", chair.DisplayName);
        // Kept as written, not as \u escapes, so the words can be searched.
        Assert.Contains("Стілець дубовий", chair.SourcePayload);
        var error = Assert.Single(await Inbox(engine).RecordsAsync(Engine.Tenant, new(Flow: "products"), default));
        Assert.Equal(("00004", "RED-LAMP-9"), (error.SourceKey, error.DisplayName));

        var found = await engine.Hub.Get<SyncLogService>().PageAsync(Engine.Tenant, new LogQuery { Text = "стілець" }, default);
        Assert.Equal(["00003"], found.Rows.Select(r => r.SourceKey));
        Assert.Equal("SKU-00003 · Стілець дубовий", found.Rows[0].DisplayName);
    }

    /// <remarks>PostgreSQL takes the path SQLite takes for words in most of the log: matching each error and its one entry.</remarks>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_inbox_finds_records_by_name_and_by_text_in_their_source_data_and_acts_on_those_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var engine = await Engine.StartAsync(items: 8, settings: new { skipNameless = false }, provider: provider.ToString(), connectionString: database.ConnectionString);
        engine.Shop.PutItem("00002", null, 5m, sku: "RED-LAMP-9", note: "ceiling hook bent");
        engine.Shop.PutItem("00005", null, 5m, note: "box damaged");
        engine.Shop.PutItem("00006", "Ceiling hook", 3m);
        await engine.RunAsync();
        var all = Assert.Single(await Inbox(engine).GroupsAsync(Engine.Tenant, new(), default));
        Assert.Equal(2, all.Count);

        // By name: the group counts the records found, and lists only them.
        var byName = Assert.Single(await Inbox(engine).GroupsAsync(Engine.Tenant, new(Record: "red-lamp"), default));
        Assert.Equal((all.Reason, 1), (byName.Reason, byName.Count));
        Assert.Equal(["00002"], (await Inbox(engine).RecordsAsync(Engine.Tenant, new(Flow: "products", Reason: all.Reason, Record: "red-lamp"), default)).Select(e => e.SourceKey));
        // By text only the source data holds; 00006 has the words in its name but no open error.
        Assert.Equal(["00002"], (await Inbox(engine).RecordsAsync(Engine.Tenant, new(Flow: "products", Record: "ceiling hook"), default)).Select(e => e.SourceKey));
        Assert.Equal(["00005"], (await Inbox(engine).RecordsAsync(Engine.Tenant, new(Flow: "products", Record: "box damaged"), default)).Select(e => e.SourceKey));
        Assert.Empty(await Inbox(engine).GroupsAsync(Engine.Tenant, new(Record: "nothing like it"), default));

        // Resolving the group as found resolves that record, not the rest of its reason.
        Assert.Equal(1, await Inbox(engine).ResolveGroupAsync(Engine.Tenant, new(Flow: "products", Reason: all.Reason, Record: "box damaged"), "support@koppel.test", null, default));
        Assert.Equal(["00002"], (await Inbox(engine).RecordsAsync(Engine.Tenant, new(Flow: "products"), default)).Select(e => e.SourceKey));
    }

    /// <remarks>On SQLite the inbox searches the open errors' own words, kept by triggers: they must follow every change.</remarks>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_words_an_open_error_is_found_by_follow_its_latest_failure_its_resolution_and_its_reopening(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var engine = await Engine.StartAsync(items: 3, settings: new { skipNameless = false }, provider: provider.ToString(), connectionString: database.ConnectionString);
        var inbox = Inbox(engine);
        async Task<string[]> FoundAsync(string words) =>
            (await inbox.RecordsAsync(Engine.Tenant, new(Flow: "products", Record: words), default)).Select(e => e.SourceKey).ToArray();

        engine.Shop.PutItem("00002", null, 5m, note: "ceiling hook bent");
        await engine.RunAsync();
        Assert.Equal(["00002"], await FoundAsync("ceiling hook"));

        // Failing again with other data: the new words find it, the old ones no longer do.
        engine.Shop.PutItem("00002", null, 5m, note: "lamp shade torn");
        await engine.RunAsync(sourceId: "00002");
        Assert.Equal(["00002"], await FoundAsync("shade torn"));
        Assert.Empty(await FoundAsync("ceiling hook"));

        // Resolved by hand it is not found; reopened it is again.
        var error = Assert.Single(await inbox.RecordsAsync(Engine.Tenant, new(Flow: "products"), default));
        Assert.True(await inbox.ResolveAsync(Engine.Tenant, error.Id, "support@koppel.test", "supplier asked", default));
        Assert.Empty(await FoundAsync("shade torn"));
        Assert.True(await inbox.ReopenAsync(Engine.Tenant, error.Id, default));
        Assert.Equal(["00002"], await FoundAsync("shade torn"));

        // Resolved by a run that writes it, it is not found by anything it held.
        engine.Shop.PutItem("00002", "Lamp", 5m, note: "lamp shade torn");
        await engine.RunAsync(sourceId: "00002");
        Assert.Empty(await FoundAsync("shade torn"));
        Assert.Empty(await FoundAsync("00002"));
    }
}
