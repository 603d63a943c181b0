using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.SyncLog;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>The log viewer's queries, on a small log of two tenants, on both databases.</summary>
public sealed class SyncLogServiceTests
{
    private static readonly DateTime Monday = new(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Tenant "one": run 1 on Monday (ART-01234 refused, ART-01235 created, ART-02000 updated), run 2 on Tuesday
    /// (ART-01234 created after the fix). Tenant "two": run 3 with its own ART-01234 failure. ART-02000 has a name
    /// ("Walnut bookcase"), ART-01235 a colour in its source data.
    /// </summary>
    private static async Task<(SyncLogService Log, long Run1, long Run2)> SeedAsync(TestDatabase database)
    {
        await using var db = await database.MigratedContextAsync();
        var one = new Tenant { Slug = "one", Name = "One", Integration = "test-shop" };
        var two = new Tenant { Slug = "two", Name = "Two", Integration = "test-shop" };
        db.Tenants.AddRange(one, two);
        await db.SaveChangesAsync();
        var runs = new[] { (one.Id, Monday), (one.Id, Monday.AddDays(1)), (two.Id, Monday) }
            .Select(r => new SyncRun { TenantId = r.Item1, Flow = "products", Status = RunStatus.Succeeded, StartedAt = r.Item2 }).ToArray();
        db.SyncRuns.AddRange(runs);
        await db.SaveChangesAsync();
        SyncLogEntry Entry(Tenant t, SyncRun run, int minute, Outcome outcome, string key, string message) => new()
        {
            TenantId = t.Id, RunId = run.Id, Flow = "products", Outcome = outcome, At = run.StartedAt.AddMinutes(minute),
            SourceKey = key, TargetKey = outcome == Outcome.Failed ? null : "P" + key[4..], Message = message,
            SourcePayload = key == "ART-01235" ? $$"""{"code":"{{key}}","colour":"ochre"}""" : $$"""{"code":"{{key}}"}""",
            DisplayName = key == "ART-02000" ? "ART-02000 · Walnut bookcase" : null,
        };
        db.SyncLog.AddRange(
            Entry(one, runs[0], 1, Outcome.Failed, "ART-01234", "Optiply refused the product: the price must not be negative."),
            Entry(one, runs[0], 2, Outcome.Created, "ART-01235", "Created in Optiply as P01235."),
            Entry(one, runs[0], 3, Outcome.Updated, "ART-02000", "Updated in Optiply as P02000."),
            Entry(one, runs[1], 1, Outcome.Created, "ART-01234", "Created in Optiply as P01234."),
            Entry(two, runs[2], 1, Outcome.Failed, "ART-01234", "Optiply refused the product: the price must not be negative."));
        await db.SaveChangesAsync();
        return (new SyncLogService(database.Factory()), runs[0].Id, runs[1].Id);
    }

    private static async Task<List<string>> KeysAsync(SyncLogService log, LogQuery query) =>
        (await log.PageAsync("one", query, default)).Rows.Select(r => $"{r.SourceKey} {r.Outcome}").ToList();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_page_holds_only_the_tenants_own_rows_newest_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var (log, _, _) = await SeedAsync(database);

        Assert.Equal(["ART-01234 Created", "ART-02000 Updated", "ART-01235 Created", "ART-01234 Failed"], await KeysAsync(log, new LogQuery()));
        Assert.Equal(["ART-01234 Failed"], (await log.PageAsync("two", new LogQuery(), default)).Rows.Select(r => $"{r.SourceKey} {r.Outcome}"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "ART-01234", new[] { "ART-01234 Created", "ART-01234 Failed" })]
    [InlineData(DatabaseProvider.PostgreSql, "ART-01234", new[] { "ART-01234 Created", "ART-01234 Failed" })]
    [InlineData(DatabaseProvider.Sqlite, "art-0123", new[] { "ART-01234 Created", "ART-01235 Created", "ART-01234 Failed" })]
    [InlineData(DatabaseProvider.PostgreSql, "art-0123", new[] { "ART-01234 Created", "ART-01235 Created", "ART-01234 Failed" })]
    [InlineData(DatabaseProvider.Sqlite, "price must n", new[] { "ART-01234 Failed" })]
    [InlineData(DatabaseProvider.PostgreSql, "price must n", new[] { "ART-01234 Failed" })]
    [InlineData(DatabaseProvider.Sqlite, "P02000", new[] { "ART-02000 Updated" })]
    [InlineData(DatabaseProvider.PostgreSql, "P02000", new[] { "ART-02000 Updated" })]
    [InlineData(DatabaseProvider.Sqlite, "walnut book", new[] { "ART-02000 Updated" })]
    [InlineData(DatabaseProvider.PostgreSql, "walnut book", new[] { "ART-02000 Updated" })]
    [InlineData(DatabaseProvider.Sqlite, "OCHRE", new[] { "ART-01235 Created" })]
    [InlineData(DatabaseProvider.PostgreSql, "OCHRE", new[] { "ART-01235 Created" })]
    [InlineData(DatabaseProvider.Sqlite, "\"quoted\" OR *", new string[0])]
    [InlineData(DatabaseProvider.PostgreSql, "100%_", new string[0])]
    public async Task Text_search_finds_keys_names_words_of_messages_and_source_data_in_the_tenants_log(DatabaseProvider provider, string text, string[] expected)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var (log, _, _) = await SeedAsync(database);

        Assert.Equal(expected, await KeysAsync(log, new LogQuery { Text = text }));
        Assert.Equal(new LogCount(expected.Length, false), await log.CountAsync("one", new LogQuery { Text = text }, 100, default));
    }

    [Fact]
    public async Task Text_search_finds_rows_logged_after_the_full_text_table_was_created_and_forgets_deleted_ones()
    {
        await using var database = TestDatabases.Sqlite();
        var (log, run1, _) = await SeedAsync(database);
        await using (var db = database.CreateContext())
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Slug == "one");
            db.SyncLog.Add(new SyncLogEntry { TenantId = tenant.Id, RunId = run1, Flow = "products", Outcome = Outcome.Skipped, At = Monday.AddMinutes(30), SourceKey = "ART-77777", Message = "Not sold in the selected warehouses." });
            await db.SaveChangesAsync();
        }
        Assert.Equal(["ART-77777 Skipped"], await KeysAsync(log, new LogQuery { Text = "warehouses" }));

        await using (var db = database.CreateContext())
            await db.SyncLog.Where(l => l.SourceKey == "ART-77777").ExecuteDeleteAsync();
        Assert.Empty(await KeysAsync(log, new LogQuery { Text = "warehouses" }));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Flow_outcome_dates_and_run_narrow_the_rows(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var (log, run1, run2) = await SeedAsync(database);

        Assert.Equal(["ART-01234 Failed"], await KeysAsync(log, new LogQuery { Flow = "products", Outcome = Outcome.Failed }));
        Assert.Empty(await KeysAsync(log, new LogQuery { Flow = "suppliers" }));
        Assert.Equal(["ART-01234 Created"], await KeysAsync(log, new LogQuery { From = Monday.AddDays(1).Date, To = Monday.AddDays(2).Date }));
        Assert.Equal(["ART-01234 Created"], await KeysAsync(log, new LogQuery { RunId = run2 }));
        Assert.Equal(3, (await log.PageAsync("one", new LogQuery { RunId = run1 }, default)).Rows.Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Sorting_by_record_and_oldest_first_reads_in_that_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var (log, _, _) = await SeedAsync(database);

        Assert.Equal(["ART-01234 Failed", "ART-01235 Created", "ART-02000 Updated", "ART-01234 Created"], await KeysAsync(log, new LogQuery { Sort = LogSort.Oldest }));
        Assert.Equal(["ART-01234 Failed", "ART-01234 Created", "ART-01235 Created", "ART-02000 Updated"], await KeysAsync(log, new LogQuery { Sort = LogSort.RecordAscending }));
    }

    [Fact]
    public async Task Counting_stops_at_the_cap_and_says_so()
    {
        await using var database = TestDatabases.Sqlite();
        var (log, _, _) = await SeedAsync(database);

        Assert.Equal(new LogCount(2, true), await log.CountAsync("one", new LogQuery(), 2, default));
        Assert.Equal(new LogCount(4, false), await log.CountAsync("one", new LogQuery(), 4, default));
    }

    [Fact]
    public async Task Paging_says_whether_more_rows_follow()
    {
        await using var database = TestDatabases.Sqlite();
        var (log, _, _) = await SeedAsync(database);

        var first = await log.PageAsync("one", new LogQuery { PageSize = 3 }, default);
        var second = await log.PageAsync("one", new LogQuery { PageSize = 3, Page = 2 }, default);

        Assert.True(first.HasMore);
        Assert.Equal(3, first.Rows.Count);
        Assert.False(second.HasMore);
        Assert.Equal("ART-01234", Assert.Single(second.Rows).SourceKey);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_entry_comes_with_the_records_other_outcomes_in_its_tenant_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var (log, _, _) = await SeedAsync(database);
        var newest = (await log.PageAsync("one", new LogQuery(), default)).Rows[0];

        var details = await log.EntryAsync("one", newest.Id, default);

        Assert.NotNull(details);
        Assert.Equal("""{"code":"ART-01234"}""", details.Entry.SourcePayload);
        var earlier = Assert.Single(details.History);
        Assert.Equal((Outcome.Failed, "ART-01234"), (earlier.Outcome, earlier.SourceKey));
        Assert.Null(await log.EntryAsync("two", newest.Id, default));
    }

    [Fact]
    public async Task An_unknown_tenant_is_named_in_the_error()
    {
        await using var database = TestDatabases.Sqlite();
        var (log, _, _) = await SeedAsync(database);

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => log.PageAsync("nobody", new LogQuery(), default));
        Assert.Contains("\"nobody\"", error.Message);
    }
}
