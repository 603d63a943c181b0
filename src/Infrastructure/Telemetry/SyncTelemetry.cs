using System.Diagnostics;
using System.Diagnostics.Metrics;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Telemetry;

/// <summary>
/// The hub's own metrics and traces (meter and activity source "Koppel"), exported by whatever the host wires up
/// (OpenTelemetry in the portal). Tags stay low in cardinality: integration, flow, system and outcome, never a
/// tenant or record, so a thousand tenants do not make a thousand series per metric.
/// </summary>
public sealed class SyncTelemetry
{
    public const string Name = "Koppel";
    public static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> _runsStarted;
    private readonly Counter<long> _runsFinished;
    private readonly Histogram<double> _runDuration;
    private readonly Counter<long> _records;
    private readonly Counter<long> _httpCalls;
    private readonly Counter<long> _httpThrottled;

    public SyncTelemetry(IMeterFactory meters, IDbContextFactory<KoppelDb> dbs)
    {
        var meter = meters.Create(Name);
        _runsStarted = meter.CreateCounter<long>("koppel.sync.runs.started", "{run}", "Sync runs that took their flow");
        _runsFinished = meter.CreateCounter<long>("koppel.sync.runs.finished", "{run}", "Sync runs ended, by status");
        _runDuration = meter.CreateHistogram<double>("koppel.sync.run.duration", "s", "How long sync runs took");
        _records = meter.CreateCounter<long>("koppel.sync.records", "{record}", "Records handled by sync runs, by outcome");
        _httpCalls = meter.CreateCounter<long>("koppel.http.calls", "{call}", "Calls to external systems (every attempt), by status code");
        _httpThrottled = meter.CreateCounter<long>("koppel.http.throttled", "{call}", "Calls an external system answered with 429");
        // Read when the exporter collects (once a minute by default), not on every delivery.
        meter.CreateObservableGauge("koppel.webhooks.pending", () => PendingDeliveries(dbs), "{delivery}",
            "Webhook deliveries accepted and not processed yet");
    }

    /// <summary>A run holds its flow: counts it and starts its trace span (null when nobody listens).</summary>
    public Activity? RunStarted(string integration, SyncRun run)
    {
        _runsStarted.Add(1, new("integration", integration), new("flow", run.Flow), new("trigger", run.Trigger.ToString()));
        var activity = Activities.StartActivity("sync run");
        activity?.SetTag("koppel.integration", integration);
        activity?.SetTag("koppel.flow", run.Flow);
        activity?.SetTag("koppel.run.mode", run.Mode.ToString());
        return activity;
    }

    public void RunFinished(string integration, SyncRun run, Activity? activity)
    {
        var status = run.Status.ToString();
        _runsFinished.Add(1, new("integration", integration), new("flow", run.Flow), new("status", status));
        if (run.EndedAt is { } ended)
            _runDuration.Record((ended - run.StartedAt).TotalSeconds, new("integration", integration), new("flow", run.Flow), new("status", status));
        foreach (var (outcome, count) in new[] { ("read", run.Read), ("created", run.Created), ("updated", run.Updated),
                     ("unchanged", run.Unchanged), ("skipped", run.Skipped), ("failed", run.Failed), ("deleted", run.Deleted) })
            if (count > 0) _records.Add(count, new("integration", integration), new("flow", run.Flow), new("outcome", outcome));
        activity?.SetTag("koppel.run.id", run.Id);
        activity?.SetTag("koppel.run.status", status);
        activity?.SetStatus(run.Status == RunStatus.Failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok, run.Error);
        activity?.Dispose();
    }

    /// <summary>One answer (or a failure to get one) from an external system.</summary>
    public void HttpCall(string system, int? statusCode)
    {
        _httpCalls.Add(1, new("system", system), new("status_code", statusCode?.ToString() ?? "none"));
        if (statusCode == 429) _httpThrottled.Add(1, new KeyValuePair<string, object?>("system", system));
    }

    private static long PendingDeliveries(IDbContextFactory<KoppelDb> dbs)
    {
        using var db = dbs.CreateDbContext();
        return db.WebhookDeliveries.LongCount(d => d.DueAt != null);
    }
}
