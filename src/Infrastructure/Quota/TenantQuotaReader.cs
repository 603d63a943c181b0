using Koppel.Domain.Quota;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Quota;

/// <summary>
/// A tenant's API use per external system, from the calls its runs counted (<see cref="SyncRun.Calls"/>): today's use
/// since the system's day began, and what the enabled flows' schedules will still spend today at their recent runs'
/// average. No table of its own: a run's calls are attributed to the day it started.
/// </summary>
public sealed class TenantQuotaReader(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, QuotaDeclarations declarations, TimeProvider clock)
{
    /// <summary>How many of a flow's latest runs its average calls per run is taken over.</summary>
    public const int RecentRuns = 10;

    /// <summary>Per system the tenant's runs call (today or recently), its day: limit, use, schedules' need, status.</summary>
    /// <exception cref="KeyNotFoundException">Unknown tenant.</exception>
    public async Task<IReadOnlyList<QuotaDay>> TodayAsync(string tenantSlug, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().GetBySlugAsync(tenantSlug, ct);
        return await TodayAsync(db, tenant.Id, ct);
    }

    internal async Task<IReadOnlyList<QuotaDay>> TodayAsync(KoppelDb db, int tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var used = await UsedTodayAsync(db, tenantId, now, ct);
        var scheduled = await ScheduledAsync(db, tenantId, now, ct);
        return used.Keys.Union(scheduled.Keys)
            .Select(system =>
            {
                var flows = scheduled.GetValueOrDefault(system) ?? [];
                return new QuotaDay(declarations.For(system), used.GetValueOrDefault(system), flows.Sum(f => f.RestOfToday), flows.Sum(f => f.PerDay));
            })
            .OrderBy(d => d.Quota.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// What a full resync of the flow would cost on each system it calls, and how many days each system's budget needs
    /// for it. Records: the most of the flow's links and its last full run's reads.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Unknown tenant or flow.</exception>
    public async Task<IReadOnlyList<ResyncEstimate>> ResyncAsync(string tenantSlug, string flowKey, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().GetBySlugAsync(tenantSlug, ct);
        var flow = catalog.Get(tenant.Integration).Flow(flowKey) ?? throw new KeyNotFoundException($"There is no flow \"{flowKey}\".");
        var calls = await FullRunCallsAsync(db, tenant.Id, flowKey, flow, ct);
        var days = await TodayAsync(db, tenant.Id, ct);
        return calls.Select(c => ResyncEstimate.For(days.FirstOrDefault(d => d.Quota.System == c.System) ?? new QuotaDay(declarations.For(c.System), 0, 0, 0), c.Records, c.PerRecord))
            .ToList();
    }

    /// <summary>A resync's records and calls per record on each system, from the flow's recent full runs or the declared page sizes.</summary>
    internal async Task<IReadOnlyList<(string System, long Records, double PerRecord)>> FullRunCallsAsync(KoppelDb db, int tenantId, string flowKey, FlowDefinition flow, CancellationToken ct)
    {
        var fullRuns = (await db.SyncRuns.AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.Flow == flowKey && r.Mode == RunMode.Full && r.Status != RunStatus.Running && r.Status != RunStatus.Deferred)
                .OrderByDescending(r => r.Id).Take(RecentRuns).Select(r => new { r.Read, r.Calls }).ToListAsync(ct))
            .Select(r => (r.Read, Calls: RunCalls.Parse(r.Calls))).ToList();
        var links = await db.RecordLinks.CountAsync(l => l.TenantId == tenantId && l.Entity == flow.Entity, ct);
        long records = Math.Max(links, fullRuns.Select(r => r.Read).DefaultIfEmpty(0).First());
        if (fullRuns.Any(r => r.Read > 0))
            return fullRuns.SelectMany(r => r.Calls.Keys).Distinct()
                .Select(system => (system, records, ResyncEstimate.PerRecord(fullRuns.Select(r => (r.Read, r.Calls.GetValueOrDefault(system))), 1)))
                .ToList();
        // Never measured: a page read per page of records from the source, and at worst one write per record to the target.
        var estimate = new List<(string, long, double)>();
        if (declarations.Named(flow.SourceSystem) is { } source) estimate.Add((source.System, records, ResyncEstimate.PerRecord([], source.RecordsPerPage)));
        if (declarations.Named(flow.TargetSystem) is { } target && estimate.All(e => e.Item1 != target.System)) estimate.Add((target.System, records, 1.0));
        return estimate;
    }

    /// <summary>A flow's average calls per run to each system over its latest runs that read from the cursor (as scheduled runs do).</summary>
    internal static async Task<IReadOnlyDictionary<string, double>> AverageCallsAsync(KoppelDb db, int tenantId, string flowKey, CancellationToken ct)
    {
        var recent = await db.SyncRuns.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.Flow == flowKey && r.Mode == RunMode.Incremental && r.Status != RunStatus.Running && r.Status != RunStatus.Deferred)
            .OrderByDescending(r => r.Id).Take(RecentRuns).Select(r => r.Calls).ToListAsync(ct);
        return ScheduledCalls.Averages(recent.Select(RunCalls.Parse).ToList());
    }

    private async Task<Dictionary<string, long>> UsedTodayAsync(KoppelDb db, int tenantId, DateTime now, CancellationToken ct)
    {
        // Every declared day starts at its own midnight; read from the earliest and count each system from its own.
        var earliest = declarations.All.Select(q => q.DayStart(now)).Append(now.Date).Min();
        var runs = await db.SyncRuns.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.StartedAt >= earliest && r.Calls != null)
            .Select(r => new { r.StartedAt, r.Calls }).ToListAsync(ct);
        var used = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var run in runs)
            foreach (var (system, calls) in RunCalls.Parse(run.Calls))
                if (run.StartedAt >= declarations.For(system).DayStart(now))
                    used[system] = used.GetValueOrDefault(system) + calls;
        return used;
    }

    private async Task<Dictionary<string, List<ScheduledCalls>>> ScheduledAsync(KoppelDb db, int tenantId, DateTime now, CancellationToken ct)
    {
        var states = await db.FlowStates.AsNoTracking().Where(s => s.TenantId == tenantId && s.Enabled && s.NextDueAt != null).ToListAsync(ct);
        var bySystem = new Dictionary<string, List<ScheduledCalls>>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            var due = state.NextDueAt!.Value < now ? now : state.NextDueAt.Value;
            foreach (var (system, average) in await AverageCallsAsync(db, tenantId, state.Flow, ct))
            {
                var left = FlowSchedule.RunsBetween(state.Schedule, due, declarations.For(system).DayEnd(now));
                var perDay = FlowSchedule.RunsBetween(state.Schedule, due, due.AddDays(1));
                if (!bySystem.TryGetValue(system, out var flows)) bySystem[system] = flows = [];
                flows.Add(new ScheduledCalls(state.Flow, left, perDay, average));
            }
        }
        return bySystem;
    }
}
