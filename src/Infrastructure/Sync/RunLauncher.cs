using System.Collections.Concurrent;
using Koppel.Domain.Sync;
using Mapster;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Sync;

/// <summary>
/// Starts runs for the API and the portal: waits for the end, or returns as soon as the run holds its flow
/// and lets it go on in the background. Keeps the live counts of running runs for progress displays.
/// </summary>
public sealed class RunLauncher(FlowRunner runner, IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, IHostApplicationLifetime lifetime, ILogger<RunLauncher> log)
{
    private readonly ConcurrentDictionary<(string Tenant, string Flow), SyncRun> _live = new();

    /// <summary>Raised (on a pool thread) whenever a run's counts or status change.</summary>
    public event Action<string, SyncRun>? Changed;

    /// <summary>The running run of a tenant's flow, with its counts so far, if one is running on this node.</summary>
    public SyncRun? Live(string tenant, string flow) => _live.GetValueOrDefault((tenant, flow));

    /// <summary>
    /// The stored flow keys a request to run <paramref name="flow"/> means: the flow itself, or for an integration that
    /// runs per scope (e.g. per webshop) the named scope's (<c>orders@shop-a</c>), or without one every scope of the tenant.
    /// An unknown flow or scope is left for the runner to refuse.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Unknown tenant.</exception>
    public async Task<IReadOnlyList<string>> FlowKeysAsync(string tenant, string flow, string? scope, CancellationToken ct)
    {
        if (scope is not null) return [FlowScope.Key(flow, scope)];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await db.Tenants.Include(t => t.Connections).AsNoTracking().GetBySlugAsync(tenant, ct);
        var integration = catalog.Find(found.Integration);
        if (integration?.Scopes is null || FlowScope.Split(flow).Scope is not null) return [flow];
        var scopes = integration.ScopesOf(found);
        return scopes.Count == 0 ? [flow] : scopes.Select(s => FlowScope.Key(flow, s)).ToList();
    }

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
