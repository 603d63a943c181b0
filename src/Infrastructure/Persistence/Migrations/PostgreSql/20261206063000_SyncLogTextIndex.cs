using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Koppel.Migrations.PostgreSql;

/// <summary>
/// Trigram indexes (pg_trgm) for the log search on PostgreSQL, which matches keys and messages with ILIKE '%words%':
/// without them a search for a rare key reads the tenant's whole log. This is PostgreSQL's counterpart of SQLite's
/// full-text table and, like it, outside the EF model (EF has no operator classes for a provider-neutral model).
/// pg_trgm is a trusted extension, so the database's owner may create it; where the hub's user may not, the
/// migration leaves the indexes out with a notice and search stays correct, only slower.
/// </summary>
[DbContext(typeof(KoppelDb))]
[Migration("20261206063000_SyncLogTextIndex")]
public sealed class SyncLogTextIndex : Migration
{
    private static readonly string[] Columns = ["SourceKey", "TargetKey", "Message"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DO $$
            BEGIN
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'pg_trgm could not be created: the sync log search works without its indexes, only slower';
            END $$;
            """);
        foreach (var column in Columns)
            migrationBuilder.Sql($"""
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        CREATE INDEX IF NOT EXISTS "SyncLogText_{column}" ON "SyncLog" USING gin ("{column}" gin_trgm_ops);
                    END IF;
                END $$;
                """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in Columns)
            migrationBuilder.Sql($"""DROP INDEX IF EXISTS "SyncLogText_{column}";""");
    }
}
