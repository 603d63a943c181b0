using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Koppel.Migrations.PostgreSql;

/// <summary>
/// A word index of the sync log on PostgreSQL, its counterpart of SQLite's full-text table: the words of a row's key,
/// target key, name, message and source payload, split and lowercased as SQLite's tokenizer and the hub's search split
/// them ("ART-01234" and "SO/2026/17" stay one word), in a GIN index over a tsvector. The trigram indexes alone could
/// not find a rare key fast: every key shares the trigrams "art", "rt-" and "t-0", whose posting lists at 10M rows take
/// hundreds of milliseconds to read. PostgreSQL's own text parser is not used because it splits "ART-01234" into "art"
/// and "-01234", so a key prefix would become a prefix search for "art". Only SyncLog.SyncLogSearch reads it.
/// The five trigram indexes of the log (migrations SyncLogTextIndex and RecordDisplayNames) go: a search reads rare
/// words through this index and walks the log for common ones, so they served only the capped count of words in about
/// one row in a hundred (1.4 s against 2.7 s without them at 10M rows), and cost 4 GB there (the table is 6.4 GB) and
/// work on every write. The open errors' trigram index (migration OpenErrorSearch) stays: the inbox uses it.
/// </summary>
/// <remarks>
/// The function is declared immutable, as an index expression must be: it uses only lower() and regular expressions on
/// its arguments. Words longer than 200 characters (encoded data, not something anyone types) are left out, as GIN
/// cannot hold an entry much over 2 KB; only the first 200,000 characters are split, as a tsvector holds at most 1 MB.
/// A high cost keeps the planner from evaluating it row by row when the index can answer. PARALLEL RESTRICTED keeps a
/// search through the index in one process: the planner estimates an unfinished word at 2% of the log (200,000 rows at
/// 10M, where a key prefix finds a few hundred) and started workers, which cost 50 ms on a search of 3 to 15 ms. The
/// ANALYZE gives the planner the index's word statistics at once.
/// </remarks>
[DbContext(typeof(KoppelDb))]
[Migration("20261207190000_SyncLogWords")]
public sealed class SyncLogWords : Migration
{
    private static readonly string[] TrigramColumns = ["SourceKey", "TargetKey", "DisplayName", "Message", "SourcePayload"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // ICU's root collation, where the server has ICU, knows letters and case in every script; a database created
        // with the "C" locale would otherwise split Cyrillic or accented words away as if they were punctuation.
        migrationBuilder.Sql("""
            DO $do$
            DECLARE
                icu text := CASE WHEN EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN ' COLLATE "und-x-icu"' ELSE '' END;
            BEGIN
                EXECUTE format($create$
                    CREATE FUNCTION "SyncLogWords"(key text, target text, name text, message text, payload text) RETURNS tsvector
                    LANGUAGE sql IMMUTABLE PARALLEL RESTRICTED COST 1000 AS $body$
                        SELECT array_to_tsvector(coalesce(array_agg(word), '{}'))
                        FROM regexp_split_to_table(lower(left(concat_ws(' ', key, target, name, message, payload), 200000)%s), '[^[:alnum:]_./-]+') AS word
                        WHERE word <> '' AND length(word) <= 200
                    $body$
                    $create$, icu);
            END $do$;
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "SyncLogText_Words" ON "SyncLog"
            USING gin ("SyncLogWords"("SourceKey", "TargetKey", "DisplayName", "Message", "SourcePayload"));
            """);
        foreach (var column in TrigramColumns)
            migrationBuilder.Sql($"""DROP INDEX IF EXISTS "SyncLogText_{column}";""");
        migrationBuilder.Sql("""ANALYZE "SyncLog";""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in TrigramColumns)
            migrationBuilder.Sql($"""
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        CREATE INDEX IF NOT EXISTS "SyncLogText_{column}" ON "SyncLog" USING gin ("{column}" gin_trgm_ops);
                    END IF;
                END $$;
                """);
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "SyncLogText_Words";""");
        migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "SyncLogWords"(text, text, text, text, text);""");
    }
}
