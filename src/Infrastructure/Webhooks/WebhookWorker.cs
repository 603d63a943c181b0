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
/// Processes the stored webhook deliveries: each becomes the single-record runs its intake routes it to, written only
/// when the record changed, so a repeated delivery changes nothing. A delivery is claimed with a lease (a conditional
/// update), so after a crash another start (or node) takes it over; a busy flow puts it back for a moment; a failing
/// one is retried with growing pauses, 10 attempts in all. Runs whether or not the scheduler is on, and checks the
/// tenants' webhook registrations at start and every <see cref="CheckEvery"/>.
/// </summary>
public sealed class WebhookWorker(IServiceProvider services, SyncOptions options, TimeProvider clock, ILogger<WebhookWorker> log) : BackgroundService
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public const int MaxAttempts = 10;
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
            .OrderBy(d => d.Id).Take(50).Select(d => new { d.Id, d.DueAt, d.TenantId, d.System, d.Body }).ToListAsync(ct);
        var claimed = new List<(long Id, string Runs)>();
        var routes = new DeliveryRoutes(db, services.GetRequiredService<IntegrationCatalog>());
        foreach (var delivery in due)
        {
            var taken = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.DueAt == delivery.DueAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, now + Lease).SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (taken == 1) claimed.Add((delivery.Id, await routes.KeyAsync(delivery.TenantId, delivery.System, delivery.Body, ct)));
        }
        // Deliveries that start the same runs of one tenant go one after the other (in parallel they would only find
        // the flow busy and wait); different tenants and flows go in parallel.
        await Parallel.ForEachAsync(claimed.GroupBy(c => c.Runs), new ParallelOptions { MaxDegreeOfParallelism = options.WebhookParallelism, CancellationToken = ct },
            async (group, token) =>
            {
                foreach (var (id, _) in group) await ProcessAsync(dbs, id, token);
            });
        return claimed.Count;
    }

    private async Task ProcessAsync(IDbContextFactory<KoppelDb> dbs, long id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == id, ct);
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == delivery.TenantId, ct);
        var intake = services.GetRequiredService<IntegrationCatalog>().Find(tenant.Integration)?.Webhooks.FirstOrDefault(w => w.Segment == delivery.System);
        var runner = services.GetRequiredService<FlowRunner>();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var runs = intake?.Route(System.Text.Encoding.UTF8.GetBytes(delivery.Body)) ?? [];
            foreach (var run in runs)
            {
                SyncRun result;
                try
                {
                    var request = run.SourceId is null
                        ? new RunRequest(RunMode.Incremental, RunTrigger.Webhook)
                        : new RunRequest(RunMode.SingleRecord, RunTrigger.Webhook, run.SourceId) { Force = false };
                    result = await runner.RunAsync(tenant.Slug, run.Flow, request, ct: ct);
                }
                catch (RecordNotFound)
                {
                    // Gone from the source before the hub got to it, and never synced: nothing to do.
                    continue;
                }
                if (result.Status == RunStatus.Failed) throw new SyncProblem(result.Error ?? "The run failed.");
            }
            delivery.ProcessedAt = clock.GetUtcNow().UtcDateTime;
            delivery.DueAt = null;
            delivery.Error = null;
        }
        catch (FlowBusy)
        {
            // The flow is running (e.g. the nightly run): try again shortly, without counting an attempt.
            delivery.Attempts--;
            delivery.DueAt = now + TimeSpan.FromSeconds(2);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            delivery.Error = e is SyncProblem ? e.Message : "An unexpected error; support has the details in the server log.";
            if (e is not SyncProblem) log.LogError(e, "Webhook delivery {Id} failed", id);
            delivery.DueAt = delivery.Attempts >= MaxAttempts ? null : now + TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, delivery.Attempts)));
            if (delivery.DueAt is null) delivery.ProcessedAt = now;
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
