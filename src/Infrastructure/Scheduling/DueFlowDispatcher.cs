using System.Collections.Concurrent;
using Coravel.Invocable;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Sync;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>
/// Coravel's scheduled invocable (every <see cref="SchedulerOptions.PollSeconds"/>): claims the due flows and runs
/// each tenant's claimed flows one after another in dependency order, several tenants at once.
/// </summary>
public sealed class DueFlowDispatcher(DueFlows due, FlowWork work) : IInvocable
{
    public async Task Invoke()
    {
        if (work.Stopping) return;
        work.Polled();
        foreach (var tenant in await due.ClaimAsync(work.FreeSlots, work.BusyTenants, CancellationToken.None))
            work.Start(tenant);
    }
}

/// <summary>The scheduled work going on in this process; waits for it when the hub stops.</summary>
public sealed class FlowWork(RunLauncher launcher, SchedulerOptions options, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<FlowWork> log) : IHostedService
{
    private readonly ConcurrentDictionary<int, Task> _running = new();
    private long _lastPollTicks;

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    /// <summary>When the dispatcher last looked for due flows (the readiness check watches it).</summary>
    public DateTimeOffset? LastPollAt => Interlocked.Read(ref _lastPollTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Polled() => Interlocked.Exchange(ref _lastPollTicks, clock.GetUtcNow().UtcTicks);

    public bool Stopping => lifetime.ApplicationStopping.IsCancellationRequested;
    public int FreeSlots => Math.Max(0, options.MaxParallelRuns - _running.Count);
    public IReadOnlySet<int> BusyTenants => _running.Keys.ToHashSet();

    public void Start(DueTenant tenant)
    {
        // Registered before it can end, so its own removal never comes first.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running[tenant.TenantId] = Task.Run(async () =>
        {
            await registered.Task;
            try
            {
                foreach (var flow in tenant.Flows) await RunAsync(tenant.Slug, flow);
            }
            finally
            {
                _running.TryRemove(tenant.TenantId, out _);
            }
        });
        registered.SetResult();
    }

    private async Task RunAsync(string tenant, string flow)
    {
        var ct = lifetime.ApplicationStopping;
        if (ct.IsCancellationRequested) return;
        try
        {
            await launcher.RunAsync(tenant, flow, new RunRequest(RunMode.Incremental, RunTrigger.Schedule), ct);
        }
        catch (FlowBusy)
        {
            // A manual run (or another node's) is in progress; it covers what this scheduled run would have done.
            log.LogInformation("Skipped the scheduled {Flow} run of {Tenant}: already running", flow, tenant);
        }
        catch (KeyNotFoundException e)
        {
            log.LogWarning("Scheduled run of {Flow} for {Tenant} has nothing to run: {Reason}", flow, tenant, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Scheduled run of {Flow} for {Tenant} could not start", flow, tenant);
        }
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken ct)
    {
        try { await Task.WhenAll(_running.Values).WaitAsync(ct); }
        catch (OperationCanceledException) { log.LogWarning("Stopped while {Count} scheduled runs were still finishing", _running.Count); }
    }
}
