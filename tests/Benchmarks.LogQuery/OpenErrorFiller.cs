using Microsoft.EntityFrameworkCore;
using Koppel.Infrastructure.Persistence;

namespace Koppel.Benchmarks.LogQuery;

/// <summary>
/// Opens an error for every record whose log has a failure, as the engine would have while writing that log (attempts =
/// failures, reason = one of its messages), so the inbox's queries run on the same scale as the log's.
/// </summary>
internal static class OpenErrorFiller
{
    public static async Task<int> FillAsync(IDbContextFactory<KoppelDb> dbs)
    {
        await using var db = await dbs.CreateDbContextAsync();
        db.Database.SetCommandTimeout(600);
        if (await db.OpenErrors.AnyAsync()) return await db.OpenErrors.CountAsync();
        // Quoted names and plain aggregates: the same statement runs on SQLite and PostgreSQL.
        return await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "OpenErrors" ("TenantId", "Flow", "SourceKey", "DisplayName", "Reason", "FirstFailedAt", "LastFailedAt", "Attempts", "LastLogId")
            SELECT "TenantId", "Flow", "SourceKey", MAX("DisplayName"), MAX("Message"), MIN("At"), MAX("At"), COUNT(*), MAX("Id")
            FROM "SyncLog" WHERE "Outcome" = 5
            GROUP BY "TenantId", "Flow", "SourceKey"
            """);
    }
}
