using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koppel.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RecordDisplayNames : Migration
    {
        private static readonly string[] SearchedColumns = ["DisplayName", "SourcePayload"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "SyncLog",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "OpenErrors",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // The log search matches names and the source payload with ILIKE too; like the other searched columns they
            // get trigram indexes when pg_trgm is there (see SyncLogTextIndex), or one rare word reads the whole log.
            foreach (var column in SearchedColumns)
                migrationBuilder.Sql($"""
                    DO $$
                    BEGIN
                        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                            CREATE INDEX IF NOT EXISTS "SyncLogText_{column}" ON "SyncLog" USING gin ("{column}" gin_trgm_ops);
                        END IF;
                    END $$;
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in SearchedColumns)
                migrationBuilder.Sql($"""DROP INDEX IF EXISTS "SyncLogText_{column}";""");

            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "SyncLog");

            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "OpenErrors");
        }
    }
}
