using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>A scheduled run of one tenant's flow. Quartz never starts it twice at once, in the cluster either.</summary>
[DisallowConcurrentExecution]
public sealed class FlowJob(RunLauncher runner, ILogger<FlowJob> log) : IJob
{
    public const string TenantKey = "tenant";
    public const string FlowKey = "flow";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var tenant = context.MergedJobDataMap.GetString(TenantKey)!;
        var flow = context.MergedJobDataMap.GetString(FlowKey)!;
        try
        {
            await runner.RunAsync(tenant, flow, new RunRequest(RunMode.Incremental, RunTrigger.Schedule), ct);
        }
        catch (FlowBusy)
        {
            // A manual run is in progress; it covers what this scheduled run would have done.
            log.LogInformation("Skipped the scheduled {Flow} run of {Tenant}: already running", flow, tenant);
        }
        catch (KeyNotFoundException e)
        {
            log.LogWarning("Scheduled run of {Flow} for {Tenant} has nothing to run: {Reason}", flow, tenant, e.Message);
        }
    }
}
