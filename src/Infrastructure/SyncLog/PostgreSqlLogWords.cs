using System.Linq.Expressions;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.SyncLog;

/// <summary>
/// The log search's use of PostgreSQL's word index (migration SyncLogWords): each typed word starts a word of the row,
/// the last one possibly unfinished ("art-012" finds ART-01234, "price is n" the message "the price is not a number").
/// </summary>
/// <remarks>
/// Whether the words are rare enough to read by id cannot be asked of the index as SQLite asks FTS5. A GIN index
/// gathers all of a word's matches into a bitmap before it returns one: counting up to 10,001 matches of "updated in"
/// took 70 to 100 ms at 1M rows, which grows with the log. The planner's estimate from the index's word statistics was
/// no better: 20 rows for "price is not" (7,546 at 1M), 20,008 for any unfinished word. So the newest rows of the log
/// are tested instead, a fixed amount of work however long the log is.
/// </remarks>
internal static class PostgreSqlLogWords
{
    /// <summary>How many of the newest log rows (all tenants) are tested to judge how common the words are.</summary>
    private const int SampleRows = 2_000;

    /// <summary>
    /// From this many matches in the sample the log is walked: the walk fills a page sooner than reading every match by
    /// id. At 10M rows both cost about 22,000 rows when one row in 430 matches (5 in 2,000).
    /// </summary>
    /// <remarks>
    /// Counting up to the viewer's cap through the index was tried for words up to one row in ten, and was slower: the
    /// matches' bitmap outgrows the session's memory and turns lossy, and the rows of a lossy page are tested again by
    /// splitting their text (12.7 s for "503" at 10M rows, where the walk took 0.8 s).
    /// </remarks>
    private const int CommonFrom = 5;

    /// <summary>Longer words are not in the index (see the migration): a search for one walks the log.</summary>
    private const int LongestWord = 200;

    /// <summary>Whether fewer than <see cref="CommonFrom"/> of the newest rows match, and the index holds every word.</summary>
    public static async Task<bool> AreRareAsync(KoppelDb db, string[] words, Expression<Func<SyncLogEntry, bool>> matching, CancellationToken ct) =>
        words.All(w => w.Length <= LongestWord)
        && await db.SyncLog.OrderByDescending(l => l.Id).Take(SampleRows).Where(matching).Take(CommonFrom).CountAsync(ct) < CommonFrom;

    /// <summary>The rows whose words the index finds: all of the typed words, the last as a prefix.</summary>
    /// <remarks>
    /// The words hold letters, digits and "-_./" only, so quoting them is all a tsquery needs. MATERIALIZED makes the
    /// matches come first: otherwise the planner may walk the tenant's (TenantId, At) index and test each row, the
    /// cheap ILIKE before the index's function, which reads the log the index was there to skip.
    /// </remarks>
    public static IQueryable<SyncLogEntry> Holding(KoppelDb db, string[] words)
    {
        var query = string.Join(" & ", words.Select(w => $"'{w.ToLowerInvariant()}'")) + ":*";
        return db.SyncLog.FromSql($"""
            WITH matched AS MATERIALIZED (
                SELECT * FROM "SyncLog"
                WHERE "SyncLogWords"("SourceKey", "TargetKey", "DisplayName", "Message", "SourcePayload") @@ CAST({query} AS tsquery))
            SELECT * FROM matched
            """);
    }
}
