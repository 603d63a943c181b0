using Koppel.Domain.Alerts;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Alerts;

/// <summary>
/// Sends the notices incidents still owe. A process first holds the incident (a conditional update), so of several
/// processes one sends; a failed send keeps the notice owed and holds it back a minute before the next try.
/// </summary>
public sealed class AlertNotices(IDbContextFactory<KoppelDb> dbs, IReadOnlyList<IAlertChannel> channels, AlertOptions options,
    HubAddress hub, IntegrationCatalog catalog, TimeProvider clock, ILogger<AlertNotices> log)
{
    /// <summary>Longer than a channel's timeout, so a slow send is not doubled by another process.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    public async Task SendPendingAsync(int? tenantId = null, string? flow = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var owing = await db.Incidents.AsNoTracking()
            .Where(i => (tenantId == null || i.TenantId == tenantId) && (flow == null || i.Flow == flow))
            .Where(i => i.OpenedNoticeSentAt == null || (i.ResolvedAt != null && i.ResolvedNoticeSentAt == null))
            .Where(i => i.NoticeHeldUntil == null || i.NoticeHeldUntil < now)
            .OrderBy(i => i.Id).ToListAsync(ct);
        foreach (var incident in owing)
        {
            var until = now + Hold;
            var held = await db.Incidents.Where(i => i.Id == incident.Id && (i.NoticeHeldUntil == null || i.NoticeHeldUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.NoticeHeldUntil, until), ct) == 1;
            // Read again once held: the incident may have been resolved or sent meanwhile.
            if (held) await SendAsync(db, await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == incident.Id, ct), ct);
        }
    }

    private async Task SendAsync(KoppelDb db, Incident incident, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == incident.TenantId).Select(t => new { t.Slug, t.Name, t.Integration }).FirstAsync(ct);
        var flowName = catalog.Find(tenant.Integration)?.Flow(FlowScope.Split(incident.Flow).Flow)?.Name ?? incident.Flow;
        var link = new Uri(hub.Public, $"tenants/{Uri.EscapeDataString(tenant.Slug)}/log?flow={Uri.EscapeDataString(incident.Flow)}&outcome=failed");
        while (incident.PendingNotice is { } kind)
        {
            var reason = kind == NoticeKind.Opened ? incident.Reason : IncidentRules.ResolvedReason(incident.Kind, flowName);
            var notice = new AlertNotice(tenant.Slug, tenant.Name, incident.Flow, flowName, kind, incident.Kind, reason, incident.FailedRuns, incident.FailedRecords, link);
            try
            {
                foreach (var channel in channels) await channel.SendAsync(notice, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var retry = clock.GetUtcNow().UtcDateTime + options.RetryAfter;
                var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                await db.Incidents.Where(i => i.Id == incident.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.NoticeHeldUntil, retry).SetProperty(i => i.NoticeAttempts, i => i.NoticeAttempts + 1)
                    .SetProperty(i => i.NoticeError, error), CancellationToken.None);
                log.LogWarning("The {Notice} notice of incident {Incident} could not be sent and is tried again later: {Error}", kind, incident.Id, error);
                return;
            }
            var sent = clock.GetUtcNow().UtcDateTime;
            if (kind == NoticeKind.Opened) incident.OpenedNoticeSentAt = sent; else incident.ResolvedNoticeSentAt = sent;
            await db.Incidents.Where(i => i.Id == incident.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.OpenedNoticeSentAt, incident.OpenedNoticeSentAt).SetProperty(i => i.ResolvedNoticeSentAt, incident.ResolvedNoticeSentAt)
                .SetProperty(i => i.NoticeError, (string?)null), CancellationToken.None);
        }
        await db.Incidents.Where(i => i.Id == incident.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.NoticeHeldUntil, (DateTime?)null), CancellationToken.None);
    }
}
