using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.SyncLog;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>
/// The log search's index on PostgreSQL: the words of every row's key, target key, name, message and source payload,
/// through which a rare word is found without reading the log.
/// </summary>
public sealed class PostgreSqlTextIndexTests
{
    [Fact]
    public async Task The_log_has_one_text_index_over_the_words_of_keys_names_messages_and_source_payloads()
    {
        await using var database = await TestDatabases.PostgreSqlAsync();
        await using var db = await database.MigratedContextAsync();

        var indexes = await db.Database
            .SqlQuery<string>($"SELECT indexname || ': ' || indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'SyncLog' AND indexname LIKE 'SyncLogText%'")
            .ToListAsync();

        // The trigram indexes it replaced cost 4 GB at 10M rows and served only counts.
        var words = Assert.Single(indexes);
        Assert.StartsWith("SyncLogText_Words: ", words);
        Assert.Contains("USING gin", words);
        foreach (var column in new[] { "SourceKey", "TargetKey", "DisplayName", "Message", "SourcePayload" })
            Assert.Contains($"\"{column}\"", words);
    }

    [Fact]
    public async Task A_rare_key_is_read_through_the_word_index_and_words_in_most_rows_walk_the_log()
    {
        await using var database = await TestDatabases.PostgreSqlAsync();
        await using (var seed = await database.MigratedContextAsync())
        {
            var tenant = new Tenant { Slug = "one", Name = "One", Integration = "test-shop" };
            seed.Tenants.Add(tenant);
            await seed.SaveChangesAsync();
            var run = new SyncRun { TenantId = tenant.Id, Flow = "products", Status = RunStatus.Succeeded, StartedAt = new DateTime(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc) };
            seed.SyncRuns.Add(run);
            await seed.SaveChangesAsync();
            // More rows than the sample the search tests: the oldest keys are outside it.
            seed.SyncLog.AddRange(Enumerable.Range(1, 2_500).Select(n => new SyncLogEntry
            {
                TenantId = tenant.Id, RunId = run.Id, Flow = "products", Outcome = Outcome.Created, At = run.StartedAt.AddSeconds(n),
                SourceKey = $"ART-{n:D5}",
                Message = n % 20 == 0 ? "Optiply refused the product: the price is not a number." : $"Created in Optiply as P{n:D5}.",
                DisplayName = n == 8 ? "ART-00008 · Стілець дубовий" : null,
                SourcePayload = n == 7 ? """{"Code":"ART-00007","Description":"Stainless hinge, 80 mm"}""" : $$"""{"Code":"ART-{{n:D5}}"}""",
            }));
            await seed.SaveChangesAsync();
        }
        var log = new SyncLogService(database.Factory());

        var before = await WordIndexScansAsync(database);
        var rare = await log.PageAsync("one", new LogQuery { Text = "art-0000" }, default);
        var phrase = await log.PageAsync("one", new LogQuery { Text = "stainless hin" }, default);
        var cyrillic = await log.PageAsync("one", new LogQuery { Text = "СТІЛЕЦЬ дуб" }, default);
        var common = await log.PageAsync("one", new LogQuery { Text = "created in" }, default);

        Assert.Equal(Enumerable.Range(1, 9).Reverse().Select(n => $"ART-{n:D5}"), rare.Rows.Select(r => r.SourceKey));
        Assert.Equal("ART-00007", Assert.Single(phrase.Rows).SourceKey);
        Assert.Equal("ART-00008", Assert.Single(cyrillic.Rows).SourceKey);
        Assert.Equal(50, common.Rows.Count);
        Assert.True(common.HasMore);
        Assert.Equal("ART-02499", common.Rows[0].SourceKey);
        Assert.Equal(new LogCount(9, false), await log.CountAsync("one", new LogQuery { Text = "art-0000" }, 100, default));
        Assert.Equal(new LogCount(100, true), await log.CountAsync("one", new LogQuery { Text = "created in" }, 100, default));
        // One row in twenty: the walk finds them.
        var sometimes = await log.PageAsync("one", new LogQuery { Text = "price is not" }, default);
        Assert.Equal(("ART-02500", 50, true), (sometimes.Rows[0].SourceKey, sometimes.Rows.Count, sometimes.HasMore));
        Assert.Equal(new LogCount(125, false), await log.CountAsync("one", new LogQuery { Text = "price is not" }, 200, default));
        // A server process publishes its index statistics when idle for a while or when it ends: end them.
        await using (var db = database.CreateContext()) NpgsqlConnection.ClearPool(new NpgsqlConnection(db.Database.GetConnectionString()));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await WordIndexScansAsync(database) < before + 4 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.True(await WordIndexScansAsync(database) >= before + 4, "the rare searches were read through the word index");
    }

    private static async Task<long> WordIndexScansAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Database
            .SqlQuery<long>($"SELECT idx_scan AS \"Value\" FROM pg_stat_user_indexes WHERE indexrelname = 'SyncLogText_Words'")
            .SingleAsync();
    }
}
