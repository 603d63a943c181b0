using Koppel.Domain.Alerts;
using Koppel.Domain.Audit;
using Koppel.Infrastructure.Audit;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Alerts;

/// <summary>
/// Told by the engine when a run finished: opens or resolves the flow's incidents from its newest runs and sends
/// what is owed, and switches off a flow that keeps failing when Alerts:PauseAfterFailedRuns says so. Never throws:
/// an alert that cannot be worked out must not spoil the run.
/// </summary>
public sealed class RunAlerts(IDbContextFactory<KoppelDb> dbs, AlertOptions options, AlertNotices notices, AuditLog audit, TimeProvider clock,
    ILogger<RunAlerts> log)
{
    public async Task RunFinishedAsync(SyncRun run, string flowName)
    {
        var o = options;
        if (!o.Enabled && o.PauseAfterFailedRuns == 0 || run.Mode.IsForRecords()) return;
        try
        {
            var thresholds = new AlertThresholds(o.FailedRunsInARow, o.FailedRecordsThreshold, o.PauseAfterFailedRuns);
            await using var db = await dbs.CreateDbContextAsync();
            // The flow's newest runs, not just this one: another process may have finished a later run already.
            var recent = await db.SyncRuns.AsNoTracking()
                .Where(r => r.TenantId == run.TenantId && r.Flow == run.Flow && r.Mode != RunMode.SingleRecord && r.Mode != RunMode.Records && r.Status != RunStatus.Running
                            // A deferred run neither failed nor recovered: it says nothing about the flow's health.
                            && r.Status != RunStatus.Deferred)
                .OrderByDescending(r => r.Id).Take(thresholds.RunsToRead)
                .Select(r => new FinishedRun(r.Status == RunStatus.Failed, r.Failed)).ToListAsync();
            if (IncidentRules.PauseReason(thresholds, recent) is { } pause) await PauseAsync(db, run, pause);
            if (!o.Enabled) return;
            var open = await db.Incidents.AsNoTracking().Where(i => i.TenantId == run.TenantId && i.Flow == run.Flow && i.ResolvedAt == null).ToListAsync();
            foreach (var kind in Enum.GetValues<AlertKind>())
            {
                var current = open.FirstOrDefault(i => i.Kind == kind);
                switch (IncidentRules.Decide(kind, current is not null, thresholds, recent, flowName))
                {
                    case IncidentChange.Open opening:
                        await OpenAsync(db, run, kind, opening);
                        break;
                    case IncidentChange.Resolve:
                        var now = clock.GetUtcNow().UtcDateTime;
                        await db.Incidents.Where(i => i.Id == current!.Id && i.ResolvedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.ResolvedAt, now));
                        break;
                }
            }
            await notices.SendPendingAsync(run.TenantId, run.Flow);
        }
        catch (Exception e)
        {
            log.LogError(e, "Working out the alerts of flow {Flow} of tenant {Tenant} failed", run.Flow, run.TenantId);
        }
    }

    /// <summary>Switches the flow off (once: a flow already off stays as it is) and says so in the audit log.</summary>
    private async Task PauseAsync(KoppelDb db, SyncRun run, string reason)
    {
        var paused = await db.FlowStates.Where(s => s.TenantId == run.TenantId && s.Flow == run.Flow && s.Enabled)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Enabled, false).SetProperty(x => x.PausedReason, reason).SetProperty(x => x.NextDueAt, (DateTime?)null));
        if (paused == 0) return;
        audit.Add(db, run.TenantId, AuditLog.System, [new AuditChange(AuditArea.Flow, $"flows.{run.Flow}.enabled", "on", "off")]);
        await db.SaveChangesAsync();
        log.LogWarning("Flow {Flow} of tenant {Tenant} switched off: {Reason}", run.Flow, run.TenantId, reason);
    }

    private async Task OpenAsync(KoppelDb db, SyncRun run, AlertKind kind, IncidentChange.Open opening)
    {
        var last = await db.Incidents.Where(i => i.TenantId == run.TenantId && i.Flow == run.Flow && i.Kind == kind).MaxAsync(i => (int?)i.Number) ?? 0;
        db.Incidents.Add(new Incident
        {
            TenantId = run.TenantId, Flow = run.Flow, Kind = kind, Number = last + 1, Reason = opening.Reason,
            FailedRuns = opening.FailedRuns, FailedRecords = opening.FailedRecords, OpenedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another process opened it a moment ago: one incident, one alert.
            db.ChangeTracker.Clear();
        }
    }
}
