using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Koppel.Infrastructure.Health;

/// <summary>Ready when the database answers and every migration of this build is applied (a node that starts
/// against an older schema must not take traffic before its own start-up has migrated it).</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<KoppelDb> dbs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("The database does not answer.");
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending} database migrations are not applied yet.");
    }
}
