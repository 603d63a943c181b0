using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Webhooks;

/// <summary>
/// Processes the stored webhook deliveries: the records they name are run through their flows, written only when the
/// record changed, so a repeated delivery changes nothing. A delivery is claimed with a lease (a conditional
/// update), so after a crash another start (or node) takes it over; a busy flow puts it back for a moment; a failing
/// one is retried with growing pauses, 10 attempts in all. Runs whether or not the scheduler is on, and checks the
/// tenants' webhook registrations at start and every <see cref="CheckEvery"/>.
/// </summary>
public sealed class WebhookWorker(IServiceProvider services, SyncOptions options, TimeProvider clock, ILogger<WebhookWorker> log) : BackgroundService
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public const int MaxAttempts = 10;
    /// <summary>Deliveries claimed at once; under a burst they become one run per tenant and flow.</summary>
    public const int BatchSize = 500;
    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Tells the worker a delivery was stored, so it starts at once instead of at its next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        // The hub's own address (and its sandboxes) answer only once the server listens.
        try { await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted); } catch (OperationCanceledException) { }
        var nextCheck = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextCheck)
                {
                    nextCheck = clock.GetUtcNow() + CheckEvery;
                    _ = Task.Run(() => services.GetRequiredService<WebhookRegistrar>().EnsureAllAsync(stoppingToken), stoppingToken);
                }
                while (await ProcessDueAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The webhook worker hit an error; it goes on");
            }
            try { await _wake.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>Claims and processes what is due now; returns how many it took.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var dbs = services.GetRequiredService<IDbContextFactory<KoppelDb>>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.AsNoTracking().Where(d => d.DueAt != null && d.DueAt <= now)
            .OrderBy(d => d.Id).Take(BatchSize).Select(d => new { d.Id, d.DueAt, d.TenantId, d.System, d.Body }).ToListAsync(ct);
        var claimed = new List<RoutedDelivery>();
        var routes = new DeliveryRoutes(db, services.GetRequiredService<IntegrationCatalog>());
        foreach (var delivery in due)
        {
            var taken = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.DueAt == delivery.DueAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, now + Lease).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (taken == 1)
                claimed.Add(await routes.RouteAsync(delivery.Id, delivery.TenantId, delivery.System, delivery.Body, ct) ?? new(delivery.Id, "", []));
        }
        if (claimed.Count == 0) return 0;

        // The deliveries of one tenant become one run per flow, of every record they name: a burst of 500 notices is
        // a few runs, not 500 runs queueing for their flow. A tenant's flows run one after the other in the order the
        // notices asked for them (supplier products after the products they belong to); tenants run in parallel.
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<(string Tenant, string Flow), Exception?>();
        await Parallel.ForEachAsync(claimed.Where(d => d.Runs.Count > 0).GroupBy(d => d.Tenant),
            new ParallelOptions { MaxDegreeOfParallelism = options.WebhookParallelism, CancellationToken = ct },
            async (tenant, token) =>
            {
                foreach (var flow in tenant.SelectMany(d => d.Runs).GroupBy(r => r.Flow))
                    outcomes[(tenant.Key, flow.Key)] = await RunAsync(tenant.Key, flow.Key, flow.ToList(), token);
            });

        var problems = claimed.ToDictionary(d => d.Id, d => d.Runs.Select(r => outcomes[(d.Tenant, r.Flow)]).FirstOrDefault(e => e is not null));
        var rows = await db.WebhookDeliveries.Where(d => problems.Keys.Contains(d.Id)).ToListAsync(ct);
        foreach (var delivery in rows) Settle(delivery, problems[delivery.Id]);
        await db.SaveChangesAsync(CancellationToken.None);
        return claimed.Count;
    }

    /// <summary>The notices' runs of one flow: null when they went through, else what stopped them.</summary>
    private async Task<Exception?> RunAsync(string tenant, string flow, IReadOnlyList<WebhookRun> runs, CancellationToken ct)
    {
        var runner = services.GetRequiredService<FlowRunner>();
        try
        {
            var ids = runs.Where(r => r.SourceId is not null).Select(r => r.SourceId!).Distinct().ToList();
            // A notice without a record (e.g. MoySklad's stock report) asks for the flow's own incremental run.
            var requests = new List<RunRequest>();
            if (runs.Any(r => r.SourceId is null)) requests.Add(new RunRequest(RunMode.Incremental, RunTrigger.Webhook));
            if (ids.Count > 0) requests.Add(RunRequest.ForChangeNotices(ids));
            foreach (var request in requests)
            {
                var result = await runner.RunAsync(tenant, flow, request, ct: ct);
                if (result.Status == RunStatus.Failed) return new SyncProblem(result.Error ?? "The run failed.");
            }
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (e is not SyncProblem and not FlowBusy) log.LogError(e, "Webhook runs of {Flow} for {Tenant} failed", flow, tenant);
            return e;
        }
    }

    private void Settle(WebhookDelivery delivery, Exception? problem)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        switch (problem)
        {
            case null:
                delivery.ProcessedAt = now;
                delivery.DueAt = null;
                delivery.Error = null;
                break;
            case FlowBusy:
                // The flow is running (e.g. the nightly run): try again shortly, without counting an attempt.
                delivery.Attempts--;
                delivery.DueAt = now + TimeSpan.FromSeconds(2);
                break;
            default:
                delivery.Error = problem is SyncProblem ? problem.Message : "An unexpected error; support has the details in the server log.";
                delivery.DueAt = delivery.Attempts >= MaxAttempts ? null : now + TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, delivery.Attempts)));
                if (delivery.DueAt is null) delivery.ProcessedAt = now;
                break;
        }
    }
}
