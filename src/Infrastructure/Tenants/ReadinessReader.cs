using Koppel.Domain.Readiness;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Tenants;

/// <summary>A tenant's readiness checklist as its source system answers right now, or why it could not be run.</summary>
public sealed record ReadinessResult(IReadOnlyList<ReadinessCheck> Checks, string? Problem)
{
    public bool Passed => Problem is null && Checks.All(c => c.Passed);
}

/// <summary>Runs the <see cref="ReadinessChecks"/> an integration declares, live, with the tenant's stored connections.</summary>
public sealed class ReadinessReader(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, SettingChoiceReader contexts, ILogger<ReadinessReader> log)
{
    /// <summary>Reading a whole product list can take a while on a large account, paced by the system's rate limit.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>True when the integration declares a checklist.</summary>
    public bool Offers(string integrationKey) => catalog.Find(integrationKey)?.ReadinessChecks is not null;

    /// <returns>Null when the tenant's integration declares no checklist.</returns>
    /// <exception cref="KeyNotFoundException">Unknown tenant.</exception>
    public async Task<ReadinessResult?> RunAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct)
                     ?? throw new KeyNotFoundException($"There is no tenant \"{slug}\".");
        if (catalog.Find(tenant.Integration)?.ReadinessChecks is not { } checks) return null;
        try
        {
            return new(await checks(contexts.ContextFor(tenant), ct).WaitAsync(Timeout, ct), null);
        }
        catch (SyncProblem problem)
        {
            return new([], problem.Message);
        }
        catch (TimeoutException)
        {
            return new([], $"The checklist did not finish within {Timeout.TotalMinutes:0} minutes. Try again later.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The readiness checklist of {Tenant} failed", slug);
            return new([], "The checklist could not be run just now. Support finds the details in the server log.");
        }
    }

    /// <summary>True while no run of the tenant has succeeded yet: its next full sync is its first.</summary>
    public async Task<bool> BeforeFirstSyncAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Slug == slug).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct)
                     ?? throw new KeyNotFoundException($"There is no tenant \"{slug}\".");
        return !await db.SyncRuns.AnyAsync(r => r.TenantId == tenant && r.Status == RunStatus.Succeeded, ct);
    }
}
