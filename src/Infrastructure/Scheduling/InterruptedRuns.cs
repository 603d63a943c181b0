using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>
/// At start, closes the runs a dead process left "running": this node's own (it has just started, so none of them
/// can still be going) and any whose flow lease has lapsed or moved on. Their leases are released at once instead of
/// blocking the flow until they lapse; the flow's next run resumes from the last committed page.
/// </summary>
public sealed class InterruptedRuns(IDbContextFactory<KoppelDb> dbs, SchedulerOptions options, TimeProvider clock, ILogger<InterruptedRuns> log)
{
    public const string Reason = "Interrupted: the hub process running it stopped before the end. The next run resumes from the last saved page.";

    /// <returns>How many runs were closed.</returns>
    public async Task<int> CloseAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var node = options.NodeName;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var orphans = await db.SyncRuns
            .Where(r => r.Status == RunStatus.Running)
            .Where(r => r.Node == node || !db.FlowStates.Any(s => s.RunningRunId == r.Id && s.LeaseUntil >= now))
            .Select(r => new { r.Id, r.TenantId, r.Flow }).ToListAsync(ct);
        foreach (var run in orphans)
        {
            await db.SyncRuns.Where(r => r.Id == run.Id && r.Status == RunStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Failed)
                .SetProperty(r => r.Error, Reason)
                .SetProperty(r => r.EndedAt, now), ct);
            await db.FlowStates.Where(s => s.RunningRunId == run.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.RunningRunId, (long?)null)
                .SetProperty(x => x.LeaseUntil, (DateTime?)null)
                .SetProperty(x => x.LastRunId, run.Id)
                .SetProperty(x => x.LastRunStatus, RunStatus.Failed), ct);
            log.LogWarning("Run {Run} of flow {Flow} (tenant {Tenant}) was interrupted by a stopped hub process; marked so and its flow released",
                run.Id, run.Flow, run.TenantId);
        }
        return orphans.Count;
    }
}
