using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>The log search's trigram indexes on PostgreSQL: created by the migrations and usable by ILIKE '%words%'.</summary>
public sealed class PostgreSqlTextIndexTests
{
    [Fact]
    public async Task Keys_and_messages_have_trigram_indexes_that_a_words_search_uses()
    {
        await using var database = await TestDatabases.PostgreSqlAsync();
        await using var db = await database.MigratedContextAsync();

        var indexes = await db.Database
            .SqlQuery<string>($"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname LIKE 'SyncLogText%' ORDER BY indexname")
            .ToListAsync();
        // With a handful of rows the planner prefers reading the table; forbidding that shows the index can serve.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        var plan = string.Join("\n", await db.Database
            .SqlQuery<string>($"""EXPLAIN SELECT "Id" AS "Value" FROM "SyncLog" WHERE "Message" ILIKE '%price is n%' ESCAPE '\'""")
            .ToListAsync());

        Assert.Equal(3, indexes.Count);
        Assert.All(indexes, definition => Assert.Contains("gin_trgm_ops", definition));
        Assert.Contains("SyncLogText_Message", plan);
    }
}
