using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koppel.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OpenErrorSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The inbox's "find a record" searches open errors only: the words of each one's key, name, reason and the
            // target key and source payload of its latest failure. Tested through each error's latest log row, a word
            // that every payload holds read 25,000 payloads (1.1 s at 1M log rows); this table holds the same text per
            // open error, so the search never reads the log. The text is one lowercased column: LIKE on it is four
            // times faster than ILIKE on five columns when a word is in every error (25 against 97 ms for 28,000),
            // and one trigram index serves the rare words. Kept by a trigger on every write to OpenErrors (as SQLite's
            // full-text table of the same name); resolved errors leave it.
            migrationBuilder.Sql("""
                CREATE TABLE "OpenErrorText" (
                    "Id" bigint PRIMARY KEY REFERENCES "OpenErrors" ("Id") ON DELETE CASCADE,
                    "Words" text NOT NULL);
                DO $$
                BEGIN
                    -- As the log's own indexes (migration SyncLogTextIndex): without pg_trgm the search works, only slower.
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        CREATE INDEX "OpenErrorText_Words" ON "OpenErrorText" USING gin ("Words" gin_trgm_ops);
                    END IF;
                END $$;
                CREATE FUNCTION open_error_words(key text, target_key text, name text, reason text, payload text) RETURNS text
                    LANGUAGE sql AS $$ SELECT lower(concat_ws(E'\n', key, target_key, name, reason, payload)) $$;
                CREATE FUNCTION open_error_text() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM "OpenErrorText" WHERE "Id" = NEW."Id";
                    IF NEW."ResolvedAt" IS NULL THEN
                        INSERT INTO "OpenErrorText" ("Id", "Words")
                        SELECT NEW."Id", open_error_words(NEW."SourceKey", l."TargetKey", NEW."DisplayName", NEW."Reason", l."SourcePayload")
                        FROM (SELECT NEW."LastLogId" AS "Id") AS latest LEFT JOIN "SyncLog" l ON l."Id" = latest."Id";
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "OpenErrorText_Write" AFTER INSERT OR UPDATE OF "SourceKey", "DisplayName", "Reason", "LastLogId", "ResolvedAt"
                    ON "OpenErrors" FOR EACH ROW EXECUTE FUNCTION open_error_text();
                INSERT INTO "OpenErrorText" ("Id", "Words")
                SELECT o."Id", open_error_words(o."SourceKey", l."TargetKey", o."DisplayName", o."Reason", l."SourcePayload")
                FROM "OpenErrors" o LEFT JOIN "SyncLog" l ON l."Id" = o."LastLogId"
                WHERE o."ResolvedAt" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "OpenErrorText_Write" ON "OpenErrors";
                DROP FUNCTION IF EXISTS open_error_text();
                DROP FUNCTION IF EXISTS open_error_words(text, text, text, text, text);
                DROP TABLE IF EXISTS "OpenErrorText";
                """);
        }
    }
}
