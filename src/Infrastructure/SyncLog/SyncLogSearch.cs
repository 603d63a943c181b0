using System.Text.RegularExpressions;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.SyncLog;

/// <summary>
/// Text search over record keys, names, messages and the payloads read from the source, ignoring case: the words typed, in order, the last one possibly
/// unfinished ("ART-012" finds ART-01234, "price is n" finds "the price is not a number"). A key such as ART-01234
/// or SO-2026-17 is one word.
/// </summary>
/// <remarks>
/// On SQLite a full-text table (migration SyncLogSearch) holds the words. How to use it depends on how many rows
/// match, measured by tests/Benchmarks.LogQuery. Up to ten thousand (one record's key, an unusual phrase) are read
/// by id and sorted: a walk through the log in time order would read every row to find them. More than that (a
/// phrase in most messages) is the other way round: the walk fills a page within a few hundred rows, while reading
/// every match by id would take a second. PostgreSQL always walks, matching with ILIKE.
/// </remarks>
internal static partial class SyncLogSearch
{
    /// <summary>Up to this many matches (all tenants) are read by id; above it the log is walked in time order.</summary>
    private const int ReadByIdAtMost = 10_000;

    public static async Task<IQueryable<SyncLogEntry>> SourceAsync(KoppelDb db, string text, CancellationToken ct)
    {
        var words = NotAWord().Split(text).Where(w => w.Length > 0).ToArray();
        if (words.Length == 0) return db.SyncLog.Where(l => false);
        var pattern = "%" + string.Join('%', words).Replace("_", "\\_") + "%";

        if (db.Database.IsNpgsql())
            return db.SyncLog.Where(l => EF.Functions.ILike(l.SourceKey, pattern, "\\")
                                         || (l.TargetKey != null && EF.Functions.ILike(l.TargetKey, pattern, "\\"))
                                         || (l.DisplayName != null && EF.Functions.ILike(l.DisplayName, pattern, "\\"))
                                         || EF.Functions.ILike(l.Message, pattern, "\\")
                                         || (l.SourcePayload != null && EF.Functions.ILike(l.SourcePayload, pattern, "\\")));

        // One phrase of the words, the last a prefix: "art-012" * (letters, digits and - _ . / only: nothing to escape).
        var phrase = "\"" + string.Join(' ', words) + "\" *";
        var matches = await db.Database
            .SqlQuery<int>($"SELECT count(*) AS Value FROM (SELECT 1 FROM SyncLogText WHERE SyncLogText MATCH {phrase} LIMIT {ReadByIdAtMost + 1})")
            .SingleAsync(ct);
        if (matches <= ReadByIdAtMost)
            // MATERIALIZED keeps the planner from preferring a walk along the tenant's (TenantId, At) index and
            // testing every row against the matches: it has to start from the matches. Only their ids are
            // materialized, so the payloads of rows that end up off the page are never read.
            return db.SyncLog.FromSql($"""
                WITH matched AS MATERIALIZED (SELECT rowid AS Id FROM SyncLogText WHERE SyncLogText MATCH {phrase})
                SELECT SyncLog.* FROM matched CROSS JOIN SyncLog ON SyncLog.Id = matched.Id
                """);
        // SQLite's LIKE ignores case like the full-text match; the words in order, anywhere, find at least as much.
        return db.SyncLog.Where(l => EF.Functions.Like(l.SourceKey, pattern, "\\")
                                     || (l.TargetKey != null && EF.Functions.Like(l.TargetKey, pattern, "\\"))
                                     || (l.DisplayName != null && EF.Functions.Like(l.DisplayName, pattern, "\\"))
                                     || EF.Functions.Like(l.Message, pattern, "\\")
                                     || (l.SourcePayload != null && EF.Functions.Like(l.SourcePayload, pattern, "\\")));
    }

    /// <summary>What separates words: the same characters the full-text table's tokenizer splits on.</summary>
    [GeneratedRegex(@"[^\p{L}\p{N}\-_./]+")]
    private static partial Regex NotAWord();
}
