using System.Collections.Concurrent;
using System.Text;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Webhooks;

/// <summary>What the intake answers a delivery.</summary>
public enum WebhookAnswer { Accepted, UnknownHook, BadSignature }

/// <summary>
/// Takes a webhook delivery: finds the tenant and the integration's intake for the system, verifies the signature with
/// the tenant's stored secrets, and stores the delivery in the queue before the caller answers 200. The work itself is
/// done by <see cref="WebhookWorker"/>, so the sender gets its answer within a second.
/// </summary>
public sealed class WebhookInbox(
    IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, TenantConnections connections, DeliveryStore store, WebhookWorker worker, TimeProvider clock,
    ILogger<WebhookInbox> log)
{
    /// <summary>
    /// How long a tenant's hook details stay in memory. A burst of deliveries would otherwise read the tenant and
    /// decrypt its secrets once per request; a signature the kept secrets refuse is checked again against fresh ones,
    /// so a secret changed a moment ago is taken at once.
    /// </summary>
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    private sealed record HookTenant(int Id, string Integration, IReadOnlyDictionary<string, ConnectionInfo> Connections, DateTimeOffset Until);

    private readonly ConcurrentDictionary<string, HookTenant> _kept = new(StringComparer.Ordinal);

    public async Task<WebhookAnswer> AcceptAsync(string tenantSlug, string segment, IReadOnlyDictionary<string, string> headers, byte[] body, CancellationToken ct)
    {
        var kept = _kept.TryGetValue(tenantSlug, out var found) && found.Until > clock.GetUtcNow() ? found : null;
        var tenant = kept ?? await ReadAsync(tenantSlug, ct);
        var intake = tenant is null ? null : catalog.Find(tenant.Integration)?.Webhooks.FirstOrDefault(w => w.Segment == segment);
        if (tenant is null || intake is null) return WebhookAnswer.UnknownHook;
        if (!Verifies(tenant, intake, headers, body) && (kept is null || await ReadAsync(tenantSlug, ct) is not { } fresh || !Verifies(tenant = fresh, intake, headers, body)))
        {
            log.LogWarning("Webhook delivery for {Tenant}/{System} refused: missing or wrong signature", tenantSlug, segment);
            return WebhookAnswer.BadSignature;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await store.StoreAsync(new WebhookDelivery { TenantId = tenant.Id, System = segment, Body = Encoding.UTF8.GetString(body), ReceivedAt = now, DueAt = now });
        worker.Wake();
        return WebhookAnswer.Accepted;
    }

    private static bool Verifies(HookTenant tenant, WebhookIntake intake, IReadOnlyDictionary<string, string> headers, byte[] body) =>
        tenant.Connections.TryGetValue(intake.ConnectionSystem, out var connection) && intake.Verify(connection, headers, body);

    private async Task<HookTenant?> ReadAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().FindBySlugAsync(slug, ct);
        if (tenant is null)
        {
            _kept.TryRemove(slug, out _);
            return null;
        }
        return _kept[slug] = new HookTenant(tenant.Id, tenant.Integration, connections.Decrypt(tenant), clock.GetUtcNow() + KeepFor);
    }
}
