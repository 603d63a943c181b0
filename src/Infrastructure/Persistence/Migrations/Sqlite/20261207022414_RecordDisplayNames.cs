using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koppel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordDisplayNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "SyncLog",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "OpenErrors",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            // The log search finds records by their names and by text inside what was read from the source, so
            // both join the full-text table (see SyncLog/SyncLogSearch); its words are rebuilt from the log.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS SyncLogText_Update;
                DROP TRIGGER IF EXISTS SyncLogText_Delete;
                DROP TRIGGER IF EXISTS SyncLogText_Insert;
                DROP TABLE IF EXISTS SyncLogText;
                CREATE VIRTUAL TABLE SyncLogText USING fts5(
                    SourceKey, TargetKey, DisplayName, Message, SourcePayload, content='SyncLog', content_rowid='Id', tokenize="unicode61 remove_diacritics 2 tokenchars '-_./'");
                CREATE TRIGGER SyncLogText_Insert AFTER INSERT ON SyncLog BEGIN
                    INSERT INTO SyncLogText(rowid, SourceKey, TargetKey, DisplayName, Message, SourcePayload) VALUES (new.Id, new.SourceKey, new.TargetKey, new.DisplayName, new.Message, new.SourcePayload);
                END;
                CREATE TRIGGER SyncLogText_Delete AFTER DELETE ON SyncLog BEGIN
                    INSERT INTO SyncLogText(SyncLogText, rowid, SourceKey, TargetKey, DisplayName, Message, SourcePayload) VALUES ('delete', old.Id, old.SourceKey, old.TargetKey, old.DisplayName, old.Message, old.SourcePayload);
                END;
                CREATE TRIGGER SyncLogText_Update AFTER UPDATE OF SourceKey, TargetKey, DisplayName, Message, SourcePayload ON SyncLog BEGIN
                    INSERT INTO SyncLogText(SyncLogText, rowid, SourceKey, TargetKey, DisplayName, Message, SourcePayload) VALUES ('delete', old.Id, old.SourceKey, old.TargetKey, old.DisplayName, old.Message, old.SourcePayload);
                    INSERT INTO SyncLogText(rowid, SourceKey, TargetKey, DisplayName, Message, SourcePayload) VALUES (new.Id, new.SourceKey, new.TargetKey, new.DisplayName, new.Message, new.SourcePayload);
                END;
                INSERT INTO SyncLogText(SyncLogText) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The full-text table goes back to its three columns before the new ones can be dropped.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS SyncLogText_Update;
                DROP TRIGGER IF EXISTS SyncLogText_Delete;
                DROP TRIGGER IF EXISTS SyncLogText_Insert;
                DROP TABLE IF EXISTS SyncLogText;
                CREATE VIRTUAL TABLE SyncLogText USING fts5(
                    SourceKey, TargetKey, Message, content='SyncLog', content_rowid='Id', tokenize="unicode61 remove_diacritics 2 tokenchars '-_./'");
                CREATE TRIGGER SyncLogText_Insert AFTER INSERT ON SyncLog BEGIN
                    INSERT INTO SyncLogText(rowid, SourceKey, TargetKey, Message) VALUES (new.Id, new.SourceKey, new.TargetKey, new.Message);
                END;
                CREATE TRIGGER SyncLogText_Delete AFTER DELETE ON SyncLog BEGIN
                    INSERT INTO SyncLogText(SyncLogText, rowid, SourceKey, TargetKey, Message) VALUES ('delete', old.Id, old.SourceKey, old.TargetKey, old.Message);
                END;
                CREATE TRIGGER SyncLogText_Update AFTER UPDATE OF SourceKey, TargetKey, Message ON SyncLog BEGIN
                    INSERT INTO SyncLogText(SyncLogText, rowid, SourceKey, TargetKey, Message) VALUES ('delete', old.Id, old.SourceKey, old.TargetKey, old.Message);
                    INSERT INTO SyncLogText(rowid, SourceKey, TargetKey, Message) VALUES (new.Id, new.SourceKey, new.TargetKey, new.Message);
                END;
                INSERT INTO SyncLogText(SyncLogText) VALUES ('rebuild');
                """);

            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "SyncLog");

            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "OpenErrors");
        }
    }
}
