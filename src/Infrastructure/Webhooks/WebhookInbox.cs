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
    public async Task<WebhookAnswer> AcceptAsync(string tenantSlug, string segment, IReadOnlyDictionary<string, string> headers, byte[] body, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().FindBySlugAsync(tenantSlug, ct);
        var intake = tenant is null ? null : catalog.Find(tenant.Integration)?.Webhooks.FirstOrDefault(w => w.Segment == segment);
        if (tenant is null || intake is null) return WebhookAnswer.UnknownHook;
        if (!connections.Decrypt(tenant).TryGetValue(intake.ConnectionSystem, out var connection) || !intake.Verify(connection, headers, body))
        {
            log.LogWarning("Webhook delivery for {Tenant}/{System} refused: missing or wrong signature", tenantSlug, segment);
            return WebhookAnswer.BadSignature;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await store.StoreAsync(new WebhookDelivery { TenantId = tenant.Id, System = segment, Body = Encoding.UTF8.GetString(body), ReceivedAt = now, DueAt = now });
        worker.Wake();
        return WebhookAnswer.Accepted;
    }
}
