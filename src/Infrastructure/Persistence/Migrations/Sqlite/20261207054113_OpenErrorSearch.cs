using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koppel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenErrorSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The inbox's "find a record" searches open errors only: the words of each one's key, name, reason and the
            // target key and source payload of its latest failure. Looked up in the log's full-text table, a word that
            // most payloads hold matched a million log rows to find a few thousand errors; a table of the open
            // errors' own words holds at most one row per failing record. Contentless: the words are all it needs,
            // and the text itself stays in the log. Triggers keep it in step with every write to OpenErrors.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE OpenErrorText USING fts5(
                    SourceKey, TargetKey, DisplayName, Reason, SourcePayload, content='', contentless_delete=1,
                    tokenize="unicode61 remove_diacritics 2 tokenchars '-_./'");
                CREATE TRIGGER OpenErrorText_Insert AFTER INSERT ON OpenErrors WHEN new.ResolvedAt IS NULL BEGIN
                    INSERT INTO OpenErrorText(rowid, SourceKey, TargetKey, DisplayName, Reason, SourcePayload)
                    SELECT new.Id, new.SourceKey, l.TargetKey, new.DisplayName, new.Reason, l.SourcePayload
                    FROM (SELECT new.LastLogId AS Id) AS latest LEFT JOIN SyncLog l ON l.Id = latest.Id;
                END;
                CREATE TRIGGER OpenErrorText_Update AFTER UPDATE OF SourceKey, DisplayName, Reason, LastLogId, ResolvedAt ON OpenErrors BEGIN
                    DELETE FROM OpenErrorText WHERE rowid = old.Id;
                    INSERT INTO OpenErrorText(rowid, SourceKey, TargetKey, DisplayName, Reason, SourcePayload)
                    SELECT new.Id, new.SourceKey, l.TargetKey, new.DisplayName, new.Reason, l.SourcePayload
                    FROM (SELECT new.LastLogId AS Id) AS latest LEFT JOIN SyncLog l ON l.Id = latest.Id
                    WHERE new.ResolvedAt IS NULL;
                END;
                CREATE TRIGGER OpenErrorText_Delete AFTER DELETE ON OpenErrors BEGIN
                    DELETE FROM OpenErrorText WHERE rowid = old.Id;
                END;
                INSERT INTO OpenErrorText(rowid, SourceKey, TargetKey, DisplayName, Reason, SourcePayload)
                SELECT o.Id, o.SourceKey, l.TargetKey, o.DisplayName, o.Reason, l.SourcePayload
                FROM OpenErrors o LEFT JOIN SyncLog l ON l.Id = o.LastLogId
                WHERE o.ResolvedAt IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS OpenErrorText_Delete;
                DROP TRIGGER IF EXISTS OpenErrorText_Update;
                DROP TRIGGER IF EXISTS OpenErrorText_Insert;
                DROP TABLE IF EXISTS OpenErrorText;
                """);
        }
    }
}
