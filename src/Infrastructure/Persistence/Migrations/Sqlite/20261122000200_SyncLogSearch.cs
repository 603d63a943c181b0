using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Koppel.Migrations.Sqlite;

/// <summary>
/// Full-text search of the sync log on SQLite (FTS5, kept by triggers), outside the EF model: only
/// SyncLog.SyncLogSearch queries it. A search for a rare key or phrase reads its few matches instead of every row;
/// "-_./" belong to words so a record key like ART-01234 is one word. Written by hand (EF has no FTS operations)
/// and kept under the id of the release that introduced it, so databases that have it already skip it.
/// </summary>
[DbContext(typeof(KoppelDb))]
[Migration("20261122000200_SyncLogSearch")]
public sealed class SyncLogSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE SyncLogText USING fts5(
                SourceKey, TargetKey, Message, content='SyncLog', content_rowid='Id', tokenize="unicode61 remove_diacritics 2 tokenchars '-_./'");
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER SyncLogText_Insert AFTER INSERT ON SyncLog BEGIN
                INSERT INTO SyncLogText(rowid, SourceKey, TargetKey, Message) VALUES (new.Id, new.SourceKey, new.TargetKey, new.Message);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER SyncLogText_Delete AFTER DELETE ON SyncLog BEGIN
                INSERT INTO SyncLogText(SyncLogText, rowid, SourceKey, TargetKey, Message) VALUES ('delete', old.Id, old.SourceKey, old.TargetKey, old.Message);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER SyncLogText_Update AFTER UPDATE OF SourceKey, TargetKey, Message ON SyncLog BEGIN
                INSERT INTO SyncLogText(SyncLogText, rowid, SourceKey, TargetKey, Message) VALUES ('delete', old.Id, old.SourceKey, old.TargetKey, old.Message);
                INSERT INTO SyncLogText(rowid, SourceKey, TargetKey, Message) VALUES (new.Id, new.SourceKey, new.TargetKey, new.Message);
            END;
            """);
        migrationBuilder.Sql("INSERT INTO SyncLogText(SyncLogText) VALUES ('rebuild');");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER SyncLogText_Update;");
        migrationBuilder.Sql("DROP TRIGGER SyncLogText_Delete;");
        migrationBuilder.Sql("DROP TRIGGER SyncLogText_Insert;");
        migrationBuilder.Sql("DROP TABLE SyncLogText;");
    }
}
