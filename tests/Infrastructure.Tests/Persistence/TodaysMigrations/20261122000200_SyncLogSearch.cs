using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

using Koppel.Infrastructure.Persistence;

namespace Koppel.Infrastructure.Tests.Persistence.TodaysMigrations;

/// <summary>
/// What the log viewer needs to stay fast at a million rows (measured by tests/Benchmarks.LogQuery):
/// <list type="bullet">
/// <item>"This run's records" becomes an index seek in time order, (TenantId, RunId, At), instead of a walk
///   through the tenant's whole log; the lone RunId index it replaces served nothing else.</item>
/// <item>On SQLite, a full-text index of the words in record keys and messages (FTS5, kept by triggers), so a
///   search for a rare key or phrase reads its few matches instead of every row. "-_./" belong to words so a
///   record key like ART-01234 is one word. PostgreSQL gets no such
///   index: it scans in parallel, and pg_trgm is an extension an operator may not allow.</item>
/// </list>
/// The FTS table is not part of the EF model: only <see cref="SyncLog.SyncLogSearch"/> queries it.
/// </summary>
[DbContext(typeof(KoppelDb))]
[Migration("20261122000200_SyncLogSearch")]
public sealed class SyncLogSearch : Migration
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_SyncLog_RunId", "SyncLog");
        migrationBuilder.CreateIndex("IX_SyncLog_TenantId_RunId_At", "SyncLog", ["TenantId", "RunId", "At"]);
        if (migrationBuilder.ActiveProvider != SqliteProvider) return;

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
        // Rows logged before this migration.
        migrationBuilder.Sql("INSERT INTO SyncLogText(SyncLogText) VALUES ('rebuild');");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == SqliteProvider)
        {
            migrationBuilder.Sql("DROP TRIGGER SyncLogText_Update;");
            migrationBuilder.Sql("DROP TRIGGER SyncLogText_Delete;");
            migrationBuilder.Sql("DROP TRIGGER SyncLogText_Insert;");
            migrationBuilder.Sql("DROP TABLE SyncLogText;");
        }
        migrationBuilder.DropIndex("IX_SyncLog_TenantId_RunId_At", "SyncLog");
        migrationBuilder.CreateIndex("IX_SyncLog_RunId", "SyncLog", "RunId");
    }
}
