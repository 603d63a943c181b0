using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Alerts;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Quota;
using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Infrastructure.Telemetry;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Sync;

/// <summary>
/// Runs one tenant's flow: incrementally from its cursor, in full, or for one record. Each page's links,
/// log entries, counts and cursor are committed together, so a crash resumes where it stopped and the
/// lookup-before-create in <see cref="RecordProcessor"/> keeps a half-written page from duplicating.
/// </summary>
public sealed class FlowRunner(
    IDbContextFactory<KoppelDb> dbs,
    IntegrationCatalog catalog,
    FlowContexts contexts,
    TimeProvider clock,
    SchedulerOptions options,
    SyncOptions sync,
    SyncTelemetry telemetry,
    RunAlerts alerts,
    QuotaGate quota,
    Webhooks.WebhookRegistrar webhooks,
    ILogger<FlowRunner> log)
{

    /// <param name="progress">Told once the run holds its flow, after every committed page, and at the end.</param>
    /// <exception cref="FlowBusy">The same tenant's flow is running already.</exception>
    /// <exception cref="KeyNotFoundException">Unknown tenant or flow.</exception>
    public async Task<SyncRun> RunAsync(string tenantSlug, string flowKey, RunRequest request, IProgress<SyncRun>? progress = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().GetBySlugAsync(tenantSlug, ct);
        var integration = catalog.Get(tenant.Integration);
        var flow = integration.Flow(flowKey) ?? throw new KeyNotFoundException($"The {integration.Name} integration has no flow \"{flowKey}\".");
        var scope = ScopeOf(tenant, integration, flowKey);
        if (request.Mode == RunMode.SingleRecord && string.IsNullOrWhiteSpace(request.SourceId))
            throw new ArgumentException("A single-record run needs the record's source id.", nameof(request));
        if (request.Mode == RunMode.Records && (request.SourceIds.Count == 0 || request.SourceIds.Any(string.IsNullOrWhiteSpace)))
            throw new ArgumentException("A retry of chosen records needs their source ids.", nameof(request));

        var state = await FlowStates.EnsureAsync(db, tenant.Id, flow, ct, scope);
        if (await quota.DeferralAsync(db, tenant.Id, state.Flow, flow, request, ct) is { } deferral)
            return await DeferAsync(db, tenant.Id, state.Flow, request, deferral, progress, ct);
        var run = new SyncRun
        {
            TenantId = tenant.Id, Flow = state.Flow, Mode = request.Mode, Trigger = request.Trigger,
            Status = RunStatus.Running, StartedAt = clock.GetUtcNow().UtcDateTime, Node = options.NodeName,
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(ct);
        if (!await TryLeaseAsync(db, state.Id, run.Id, ct))
        {
            db.SyncRuns.Remove(run);
            await db.SaveChangesAsync(CancellationToken.None);
            throw new FlowBusy(tenant.Name, flow.Name);
        }
        progress?.Report(run);
        var activity = telemetry.RunStarted(integration.Key, run);
        var calls = RunCalls.Start();
        var discarded = false;

        try
        {
            var context = contexts.Create(tenant, integration, scope);
            var mapping = await MappingStore.CurrentAsync(db, tenant.Id, flow, ct);
            var processor = new RecordProcessor(flow, flow.Build(context), mapping, log);
            await using var reads = await dbs.CreateDbContextAsync(ct);
            var commit = new PageCommitter(db, reads, tenant.Id, flow, scope, run, state.Id, clock, options.Lease, calls);

            if (request.Mode == RunMode.SingleRecord)
            {
                var id = request.SourceId!;
                // Gone from the source: a deletion if the hub synced it before, else an id nobody knows.
                var record = await processor.Parts.Source.ReadOneAsync(id, ct)
                             ?? ((await commit.LinksAsync([id], ct)).ContainsKey(id) ? SourceRecord.Deletion(id) : throw new RecordNotFound(flow.SourceSystem, id));
                await await ProcessPageAsync(processor, commit, [record], request.Force, null, Task.CompletedTask, ct);
            }
            else if (request.Mode == RunMode.Records)
                await ProcessByIdAsync(processor, commit, request.SourceIds.Distinct().ToList(), request.Force, request.LogUnchanged, progress, run, ct);
            else
            {
                // Under the flow's lease, so one run a night checks; a failed check is logged and never stops the run.
                if (flow.ChecksWebhooks) await webhooks.EnsureAsync(tenant.Slug, ct);
                if (request.Mode == RunMode.Incremental)
                    await RetryFailedAsync(db, processor, commit, tenant.Id, state.Flow, ct);
                var cursor = request.Mode == RunMode.Full ? null : state.Cursor;
                var committing = Task.CompletedTask;
                try
                {
                    await foreach (var page in processor.Parts.Source.ReadAsync(cursor, ct).OneAhead(ct))
                    {
                        committing = await ProcessPageAsync(processor, commit, page.Records, request.Force, page.Cursor, committing, ct);
                        progress?.Report(run);
                    }
                }
                catch
                {
                    // The page being committed is finished before the run ends on the error, so its records stay counted.
                    await committing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    throw;
                }
                await committing;
                progress?.Report(run);
            }
            run.Status = run.Failed > 0 ? RunStatus.CompletedWithErrors : RunStatus.Succeeded;
        }
        catch (RecordNotFound)
        {
            // Nothing was read or written: the attempt leaves no run behind and the caller hears why.
            discarded = true;
            await DiscardAsync(db, run, state.Id);
            telemetry.RunFinished(integration.Key, run, activity);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            run.Status = RunStatus.Failed;
            run.Error = e is SyncProblem ? e.Message : "The run stopped on an unexpected error. Support has the details in the server log.";
            log.LogError(e, "Flow {Flow} of tenant {Tenant} stopped", state.Flow, tenant.Slug);
        }
        catch (OperationCanceledException)
        {
            run.Status = RunStatus.Failed;
            run.Error = "The run was cancelled (the hub was shutting down). The next run resumes where it stopped.";
        }
        finally
        {
            if (!discarded)
            {
                run.EndedAt = clock.GetUtcNow().UtcDateTime;
                run.Calls = calls.ToJson();
                await FinishAsync(db, run, state.Id);
                telemetry.RunFinished(integration.Key, run, activity);
                progress?.Report(run);
                await alerts.RunFinishedAsync(run, flow.Name);
            }
        }
        return run;
    }

    /// <summary>
    /// Processes a page while the page before it is still being committed (<paramref name="previous"/>), and answers the
    /// commit of this one once that has finished: commits keep the source's order, and the target's answers overlap the
    /// database's writes instead of waiting for them. A record also on the page before may then miss that page's link;
    /// the lookup before creating (see <see cref="RecordProcessor"/>) finds it in the target, as after a crash.
    /// </summary>
    private async Task<Task> ProcessPageAsync(RecordProcessor processor, PageCommitter commit, IReadOnlyList<SourceRecord> records, bool force, string? cursor,
        Task previous, CancellationToken ct, bool logAll = false)
    {
        var links = await commit.LinksAsync(records.Select(r => r.Id).Distinct().ToList(), ct);
        var results = new RecordResult[records.Count];
        await Parallel.ForAsync(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = sync.Parallelism, CancellationToken = ct },
            async (i, token) => results[i] = await processor.ProcessAsync(records[i], links.GetValueOrDefault(records[i].Id), force, token));
        if (logAll)
            for (var i = 0; i < results.Length; i++)
                // A retried record must leave a trace even when nothing changed, or it would be retried forever.
                results[i] = results[i] with { Logged = true, Message = results[i].Message ?? "Tried again after an earlier failure: nothing needed to change." };
        await previous;
        // On the thread pool: SQLite's provider writes synchronously, and would otherwise hold up the next page.
        return Task.Run(() => commit.CommitAsync(results, links, cursor, ct), ct);
    }

    /// <summary>Records that failed before are tried again first, so a failure never silently drops a record.</summary>
    private async Task RetryFailedAsync(KoppelDb db, RecordProcessor processor, PageCommitter commit, int tenantId, string flow, CancellationToken ct) =>
        await ProcessByIdAsync(processor, commit, await FailedRecords.PendingAsync(db, tenantId, flow, ct), force: false, logAll: true, progress: null, run: null, ct);

    /// <summary>
    /// Reads named records again one by one and processes them in pages of 100, each logged even when nothing
    /// changed when <paramref name="logAll"/> (a retried record must leave a trace, or its open error would stay).
    /// One the source no longer has is a deletion.
    /// </summary>
    private async Task ProcessByIdAsync(RecordProcessor processor, PageCommitter commit, IReadOnlyList<string> ids, bool force, bool logAll,
        IProgress<SyncRun>? progress, SyncRun? run, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(100))
        {
            var records = new List<SourceRecord>();
            foreach (var id in chunk)
                records.Add(await processor.Parts.Source.ReadOneAsync(id, ct) ?? SourceRecord.Deletion(id));
            await await ProcessPageAsync(processor, commit, records, force, cursor: null, Task.CompletedTask, ct, logAll);
            if (run is not null) progress?.Report(run);
        }
    }

    /// <summary>
    /// The scope named in a scoped flow key (<c>orders@shop-a</c>). A flow of an integration with scopes runs for one
    /// of the tenant's scopes at a time; the callers (scheduler, API) run it once per scope.
    /// </summary>
    private static string? ScopeOf(Tenant tenant, IntegrationDefinition integration, string flowKey)
    {
        var (flow, scope) = FlowScope.Split(flowKey);
        if (integration.Scopes is null)
            return scope is null ? null : throw new KeyNotFoundException($"The {integration.Name} integration runs its flows once per tenant; \"{flowKey}\" names a scope.");
        var scopes = integration.ScopesOf(tenant);
        if (scope is null)
            throw new KeyNotFoundException($"The {integration.Name} integration runs \"{flow}\" per {integration.ScopeName}; name one of: {string.Join(", ", scopes)}.");
        return scopes.Contains(scope) ? scope : throw new KeyNotFoundException($"The tenant has no {integration.ScopeName} \"{scope}\".");
    }

    private async Task<bool> TryLeaseAsync(KoppelDb db, int stateId, long runId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Lease;
        // Only a holder whose lease had already lapsed is taken over; one that finishes between this read and the
        // update below released the flow itself and must not be reported (or marked) as interrupted.
        var holder = await db.FlowStates.Where(s => s.Id == stateId && s.LeaseUntil < now).Select(s => s.RunningRunId).FirstOrDefaultAsync(ct);
        // One UPDATE with the condition in its WHERE is atomic on every provider: of two nodes, one wins.
        var taken = await db.FlowStates
            .Where(s => s.Id == stateId && (s.RunningRunId == null || s.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RunningRunId, runId).SetProperty(x => x.LeaseUntil, until), ct) == 1;
        if (taken && holder is { } lapsed)
        {
            // Taken over from a run whose lease lapsed: its process died (or hung) without finishing it.
            await db.SyncRuns.Where(r => r.Id == lapsed && r.Status == RunStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Failed).SetProperty(r => r.Error, InterruptedRuns.Reason)
                .SetProperty(r => r.EndedAt, now), ct);
            log.LogWarning("Flow {Flow} taken over from run {Run}, whose lease lapsed", stateId, lapsed);
        }
        return taken;
    }

    /// <summary>
    /// Records a scheduled run that was not started because it would spend a system's daily budget: no lease, no cursor
    /// change, no alert (nothing failed); the flow's next schedule tries again.
    /// </summary>
    private async Task<SyncRun> DeferAsync(KoppelDb db, int tenantId, string flowKey, RunRequest request, string reason, IProgress<SyncRun>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new SyncRun
        {
            TenantId = tenantId, Flow = flowKey, Mode = request.Mode, Trigger = request.Trigger, Status = RunStatus.Deferred,
            StartedAt = now, EndedAt = now, Node = options.NodeName, Error = reason,
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Deferred the scheduled {Flow} run of tenant {Tenant}: {Reason}", flowKey, tenantId, reason);
        progress?.Report(run);
        return run;
    }

    /// <summary>Takes back a run that did nothing (its record does not exist): no trace in the history, the flow free again.</summary>
    private static async Task DiscardAsync(KoppelDb db, SyncRun run, int stateId)
    {
        db.ChangeTracker.Clear();
        await db.FlowStates.Where(s => s.Id == stateId && s.RunningRunId == run.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RunningRunId, (long?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null), CancellationToken.None);
        await db.SyncRuns.Where(r => r.Id == run.Id).ExecuteDeleteAsync(CancellationToken.None);
    }

    private static async Task FinishAsync(KoppelDb db, SyncRun run, int stateId)
    {
        db.ChangeTracker.Clear();
        db.SyncRuns.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
        // Flows that read this one's output wait for a run of it that reached the end (a one-record run does not count).
        if (!run.Mode.IsForRecords() && run.Status is RunStatus.Succeeded or RunStatus.CompletedWithErrors)
            await db.FlowStates.Where(s => s.Id == stateId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSucceededAt, run.StartedAt), CancellationToken.None);
        await db.FlowStates.Where(s => s.Id == stateId && s.RunningRunId == run.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.RunningRunId, (long?)null)
                .SetProperty(x => x.LeaseUntil, (DateTime?)null)
                .SetProperty(x => x.LastRunId, run.Id)
                .SetProperty(x => x.LastRunAt, run.StartedAt)
                .SetProperty(x => x.LastRunStatus, run.Status), CancellationToken.None);
    }
}
