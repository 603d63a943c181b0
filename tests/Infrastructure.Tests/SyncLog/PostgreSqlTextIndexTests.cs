using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>The log search's trigram indexes on PostgreSQL: created by the migrations and usable by ILIKE '%words%'.</summary>
/// <remarks>Every column the search matches has one: without it, one rare word in any of them reads the whole log.</remarks>
public sealed class PostgreSqlTextIndexTests
{
    [Fact]
    public async Task Keys_names_messages_and_source_payloads_have_trigram_indexes_that_a_words_search_uses()
    {
        await using var database = await TestDatabases.PostgreSqlAsync();
        await using var db = await database.MigratedContextAsync();

        var indexes = await db.Database
            .SqlQuery<string>($"SELECT indexname AS \"Value\" FROM pg_indexes WHERE indexname LIKE 'SyncLogText%' AND indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname")
            .ToListAsync();
        // With a handful of rows the planner prefers reading the table; forbidding that shows the index can serve.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        var plan = string.Join("\n", await db.Database
            .SqlQuery<string>($"""EXPLAIN SELECT "Id" AS "Value" FROM "SyncLog" WHERE "Message" ILIKE '%price is n%' ESCAPE '\'""")
            .ToListAsync());

        Assert.Equal(["SyncLogText_DisplayName", "SyncLogText_Message", "SyncLogText_SourceKey", "SyncLogText_SourcePayload", "SyncLogText_TargetKey"], indexes);
        Assert.Contains("SyncLogText_Message", plan);
    }
}
