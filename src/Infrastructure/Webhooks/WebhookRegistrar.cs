using System.Collections.Concurrent;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Webhooks;

/// <summary>
/// Registers (or checks) the hub's webhooks with the systems of a tenant's integration, at the hub's public hook
/// address. A connection that does not work yet is no error here: it is logged and tried again at the next check.
/// Several hub processes on one database take turns per connection (<see cref="RegistrationLease"/>), so none
/// subscribes an event another one has just subscribed.
/// </summary>
public sealed class WebhookRegistrar(
    IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, TenantConnections connections, ConnectorHttp http, HubAddress hub,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<WebhookRegistrar> log)
{
    // One registration per tenant at a time in this process: a connection saved while the start-up or hourly check
    // runs would otherwise see no webhooks twice and subscribe each event twice. Other processes: the lease below.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.Ordinal);

    /// <summary>Registers one tenant's webhooks after its connections were saved.</summary>
    public async Task EnsureAsync(string tenantSlug, CancellationToken ct)
    {
        // A tenant saved during start-up (a demo tenant) waits for the worker's check once the hub listens: before
        // that its hook address answers nobody, and the retries would hold up the start.
        if (!lifetime.ApplicationStarted.IsCancellationRequested) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().FindBySlugAsync(tenantSlug, ct);
        if (tenant is not null) await EnsureAsync(tenant, ct);
    }

    /// <summary>Every tenant whose integration registers webhooks (at start and on every check).</summary>
    public async Task EnsureAllAsync(CancellationToken ct)
    {
        var keys = catalog.All.Where(i => i.Webhooks.Any(w => w.RegisterAsync is not null)).Select(i => i.Key).ToList();
        if (keys.Count == 0) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenants = await db.Tenants.Include(t => t.Connections).AsNoTracking().Where(t => keys.Contains(t.Integration)).ToListAsync(ct);
        foreach (var tenant in tenants) await EnsureAsync(tenant, ct);
    }

    private async Task EnsureAsync(Tenant tenant, CancellationToken ct)
    {
        var turn = _turns.GetOrAdd(tenant.Slug, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        try
        {
            await RegisterAsync(tenant, ct);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task RegisterAsync(Tenant tenant, CancellationToken ct)
    {
        var integration = catalog.Find(tenant.Integration);
        if (integration is null) return;
        var decrypted = connections.Decrypt(tenant);
        foreach (var intake in integration.Webhooks.Where(w => w.RegisterAsync is not null))
        {
            if (!decrypted.TryGetValue(intake.ConnectionSystem, out var connection) || connection.Store is not { } store) continue;
            try
            {
                var lease = await RegistrationLease.TakeAsync(store, clock, ct);
                if (lease is null)
                {
                    log.LogInformation("Webhooks of {Tenant} at {System}: another hub process is registering them", tenant.Slug, intake.Segment);
                    continue;
                }
                try
                {
                    // The secrets as they stand now: the process that held the lease before may have stored new ones.
                    var current = new ConnectionInfo(connection.System, connection.Fields, await store.ReadSecretsAsync(ct)) { Store = store };
                    var outcome = await intake.RegisterAsync!(new WebhookRegistration
                    {
                        Connection = current,
                        Connections = decrypted,
                        Http = http,
                        TargetUrl = hub.Hook(tenant.Slug, intake.Segment),
                        SaveSecretAsync = current.SaveSecretAsync,
                    }, ct);
                    log.LogInformation("Webhooks of {Tenant} at {System}: {Outcome}", tenant.Slug, intake.Segment, outcome);
                }
                finally
                {
                    await lease.ReleaseAsync();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not register the webhooks of {Tenant} at {System}; tried again at the next check", tenant.Slug, intake.Segment);
            }
        }
    }
}
