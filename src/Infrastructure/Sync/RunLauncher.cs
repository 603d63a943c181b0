using System.Collections.Concurrent;
using Koppel.Domain.Sync;
using Mapster;
using Koppel.Infrastructure.Integrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Sync;

/// <summary>
/// Starts runs for the API and the portal: waits for the end, or returns as soon as the run holds its flow
/// and lets it go on in the background. Keeps the live counts of running runs for progress displays.
/// </summary>
public sealed class RunLauncher(FlowRunner runner, IHostApplicationLifetime lifetime, ILogger<RunLauncher> log)
{
    private readonly ConcurrentDictionary<(string Tenant, string Flow), SyncRun> _live = new();

    /// <summary>Raised (on a pool thread) whenever a run's counts or status change.</summary>
    public event Action<string, SyncRun>? Changed;

    /// <summary>The running run of a tenant's flow, with its counts so far, if one is running on this node.</summary>
    public SyncRun? Live(string tenant, string flow) => _live.GetValueOrDefault((tenant, flow));

    public Task<SyncRun> RunAsync(string tenant, string flow, RunRequest request, CancellationToken ct) =>
        runner.RunAsync(tenant, flow, request, Track(tenant, flow), ct);

    /// <summary>Starts the run and returns it once it holds its flow; it goes on after the caller has left.</summary>
    /// <exception cref="FlowBusy">The flow is running already.</exception>
    public async Task<SyncRun> StartAsync(string tenant, string flow, RunRequest request)
    {
        var started = new TaskCompletionSource<SyncRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        var track = Track(tenant, flow);
        var progress = new Inline<SyncRun>(run => { started.TrySetResult(Copy(run)); track.Report(run); });
        _ = Task.Run(async () =>
        {
            try
            {
                await runner.RunAsync(tenant, flow, request, progress, lifetime.ApplicationStopping);
            }
            catch (Exception e)
            {
                if (!started.TrySetException(e)) log.LogError(e, "Background run of {Flow} for {Tenant} failed", flow, tenant);
            }
        });
        return await started.Task;
    }

    private Inline<SyncRun> Track(string tenant, string flow) => new(run =>
    {
        var snapshot = Copy(run);
        if (run.Status == RunStatus.Running) _live[(tenant, flow)] = snapshot;
        else _live.TryRemove((tenant, flow), out _);
        Changed?.Invoke(tenant, snapshot);
    });

    private static SyncRun Copy(SyncRun r) => r.Adapt<SyncRun>(InfrastructureCopies.Config);

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post them out of order).</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
