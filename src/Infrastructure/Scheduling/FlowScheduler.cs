using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>
/// Keeps Quartz's triggers equal to the flow states in the database: one trigger per enabled tenant flow.
/// Called at start and after every change from the portal or the API, so no restart is needed.
/// </summary>
public sealed class FlowScheduler(ISchedulerFactory schedulers, IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, SchedulerOptions options, ILogger<FlowScheduler> log)
{
    private const string Group = "flows";

    public static JobKey JobOf(string tenant, string flow) => new($"{tenant}/{flow}", Group);

    /// <summary>Brings every tenant's triggers (or just <paramref name="tenantSlug"/>'s) in line with the database.</summary>
    public async Task SyncAsync(string? tenantSlug = null, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenants = await db.Tenants.AsNoTracking().Where(t => tenantSlug == null || t.Slug == tenantSlug).ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            if (catalog.Find(tenant.Integration) is not { } integration) continue;
            foreach (var flow in integration.Flows)
            {
                var state = await FlowStates.EnsureAsync(db, tenant.Id, flow, ct);
                var key = JobOf(tenant.Slug, flow.Key);
                if (!options.Enabled || !state.Enabled)
                {
                    await scheduler.DeleteJob(key, ct);
                    continue;
                }
                var triggerKey = new TriggerKey(key.Name, Group);
                var existing = await scheduler.GetTrigger(triggerKey, ct);
                if (existing?.JobDataMap.GetString("schedule") == state.Schedule) continue;

                var job = JobBuilder.Create<FlowJob>().WithIdentity(key)
                    .UsingJobData(FlowJob.TenantKey, tenant.Slug).UsingJobData(FlowJob.FlowKey, flow.Key).Build();
                var trigger = TriggerBuilder.Create().WithIdentity(triggerKey).ForJob(key)
                    .UsingJobData("schedule", state.Schedule)
                    .StartAt(DateTimeOffset.UtcNow.AddSeconds(options.FirstRunDelaySeconds))
                    .WithSchedule(FlowSchedule.ToQuartz(state.Schedule)).Build();
                await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
                log.LogInformation("Scheduled {Flow} of {Tenant}: {Schedule}", flow.Key, tenant.Slug, state.Schedule);
            }
        }
    }

    /// <summary>When the flow runs next on its schedule, if it is scheduled.</summary>
    public async Task<DateTimeOffset?> NextRunAsync(string tenant, string flow, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var trigger = await scheduler.GetTrigger(new TriggerKey(JobOf(tenant, flow).Name, Group), ct);
        return trigger?.NextFireTimeUtc;
    }
}

/// <summary>Scheduler:Enabled and how soon after start the first scheduled runs begin.</summary>
public sealed record SchedulerOptions(bool Enabled, int FirstRunDelaySeconds = 30);
