using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.SyncLog;

/// <summary>
/// Text search over record keys, names, messages and the payloads read from the source, ignoring case: the words
/// typed, in order, the last one possibly unfinished ("ART-012" finds ART-01234, "price is n" finds "the price is not
/// a number"). A key such as ART-01234 or SO-2026-17 is one word.
/// </summary>
/// <remarks>
/// Both databases keep the words of every row in an index: SQLite a full-text table (migrations SyncLogSearch and
/// RecordDisplayNames), PostgreSQL a GIN index over the same words (migration SyncLogWords). How to use it depends on
/// how common the words are, measured by tests/Benchmarks.LogQuery. Rare words (one record's key, an unusual phrase)
/// are read by id: a walk through the log in time order would read every row to find them. Common words (a phrase in
/// most messages) are the other way round: the walk fills a page within a few hundred rows, while reading every match
/// by id would take a second.
/// </remarks>
internal static partial class SyncLogSearch
{
    /// <summary>Up to this many matches (all tenants) are read by id; above it the log is walked in time order.</summary>
    private const int ReadByIdAtMost = 10_000;

    /// <summary>The log entries the words find.</summary>
    public static async Task<IQueryable<SyncLogEntry>> SourceAsync(KoppelDb db, string text, CancellationToken ct)
    {
        if (Words(text) is not { Length: > 0 } words) return db.SyncLog.Where(l => false);
        if (db.Database.IsSqlite() && await FewMatchesAsync(db, words, ct) is { } phrase)
            // MATERIALIZED keeps the planner from preferring a walk along the tenant's (TenantId, At) index and
            // testing every row against the matches: it has to start from the matches. Only their ids are
            // materialized, so the payloads of rows that end up off the page are never read.
            return db.SyncLog.FromSql($"""
                WITH matched AS MATERIALIZED (SELECT rowid AS Id FROM SyncLogText WHERE SyncLogText MATCH {phrase})
                SELECT SyncLog.* FROM matched CROSS JOIN SyncLog ON SyncLog.Id = matched.Id
                """);
        var matching = Matching(db, words);
        // The index finds rows holding the words; matching them as the walk does keeps them in order in one field.
        if (db.Database.IsNpgsql() && await PostgreSqlLogWords.AreRareAsync(db, words, matching, ct))
            return PostgreSqlLogWords.Holding(db, words).Where(matching);
        return db.SyncLog.Where(matching);
    }

    /// <summary>
    /// Open errors whose key, name, reason or latest failure's target key and source payload the words find (the
    /// inbox's "find a record"). Both databases keep these words per open error in a table of their own, filled by
    /// triggers (migrations OpenErrorSearch): it holds one row per open error however long the log is, where testing
    /// each error's latest log row read a payload per error (338 ms on SQLite, 1.1 s on PostgreSQL at 25,000 errors).
    /// SQLite matches its full-text table; PostgreSQL matches its one lowercased text column with LIKE (a trigram index
    /// serves rare words), so the words may run on from one field into the next.
    /// </summary>
    public static IQueryable<OpenError> LatestFailure(KoppelDb db, IQueryable<OpenError> open, string text)
    {
        if (Words(text) is not { Length: > 0 } words) return open.Where(o => false);
        var pattern = Pattern(words);
        var matched = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "OpenErrorText" WHERE "Words" LIKE lower({pattern})""")
            : db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM OpenErrorText WHERE OpenErrorText MATCH {Phrase(words)}");
        return open.Where(o => matched.Contains(o.Id));
    }

    /// <summary>
    /// The full-text phrase of the words when it matches few enough rows to read them by id; null when the log should
    /// be walked instead.
    /// </summary>
    /// <remarks>
    /// FTS5 gathers every match of a prefix ("hinge*") before it returns the first, but reads a whole word's matches
    /// only as far as asked. So the whole words are counted first: a common word has more than enough matches, and
    /// counting 10,001 of them is cheap, where counting its prefix's read all of them (at 10M rows about half a second
    /// for "Updated in", "stainless hinge" or a field name in every payload). Only rarer words pay for the prefix.
    /// </remarks>
    private static async Task<string?> FewMatchesAsync(KoppelDb db, string[] words, CancellationToken ct)
    {
        if (await MatchesAsync(db, WholeWords(words), ct) > ReadByIdAtMost) return null;
        var phrase = Phrase(words);
        return await MatchesAsync(db, phrase, ct) <= ReadByIdAtMost ? phrase : null;
    }

    /// <summary>How many log rows a full-text phrase matches, counted up to one more than <see cref="ReadByIdAtMost"/>.</summary>
    private static Task<int> MatchesAsync(KoppelDb db, string phrase, CancellationToken ct) => db.Database
        .SqlQuery<int>($"SELECT count(*) AS Value FROM (SELECT 1 FROM SyncLogText WHERE SyncLogText MATCH {phrase} LIMIT {ReadByIdAtMost + 1})")
        .SingleAsync(ct);

    /// <summary>The words in order, anywhere in a searched column; SQLite's LIKE ignores case like the full-text match.</summary>
    private static Expression<Func<SyncLogEntry, bool>> Matching(KoppelDb db, string[] words)
    {
        var pattern = Pattern(words);
        if (db.Database.IsNpgsql())
            return l => EF.Functions.ILike(l.SourceKey, pattern, "\\")
                        || (l.TargetKey != null && EF.Functions.ILike(l.TargetKey, pattern, "\\"))
                        || (l.DisplayName != null && EF.Functions.ILike(l.DisplayName, pattern, "\\"))
                        || EF.Functions.ILike(l.Message, pattern, "\\")
                        || (l.SourcePayload != null && EF.Functions.ILike(l.SourcePayload, pattern, "\\"));
        return l => EF.Functions.Like(l.SourceKey, pattern, "\\")
                    || (l.TargetKey != null && EF.Functions.Like(l.TargetKey, pattern, "\\"))
                    || (l.DisplayName != null && EF.Functions.Like(l.DisplayName, pattern, "\\"))
                    || EF.Functions.Like(l.Message, pattern, "\\")
                    || (l.SourcePayload != null && EF.Functions.Like(l.SourcePayload, pattern, "\\"));
    }

    /// <summary>One full-text phrase of the words, the last a prefix: "art-012" * (letters, digits and - _ . / only: nothing to escape).</summary>
    private static string Phrase(string[] words) => WholeWords(words) + " *";

    /// <summary>The phrase of the words as they are typed, the last one a whole word too.</summary>
    private static string WholeWords(string[] words) => "\"" + string.Join(' ', words) + "\"";

    private static string Pattern(string[] words) => "%" + string.Join('%', words).Replace("_", "\\_") + "%";

    private static string[] Words(string text) => NotAWord().Split(text).Where(w => w.Length > 0).ToArray();

    /// <summary>What separates words: the same characters the full-text table's tokenizer splits on.</summary>
    [GeneratedRegex(@"[^\p{L}\p{N}\-_./]+")]
    private static partial Regex NotAWord();
}
