using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Integrations;

/// <summary>
/// A field of a flow's target payload, shown in the mapping editor and checked by the mapping validator: its type,
/// and the range the target system allows where it declares one (<paramref name="Min"/>, <paramref name="Max"/>).
/// </summary>
public sealed record TargetField(string Name, string Type, string Description = "", decimal? Min = null, decimal? Max = null)
{
    public TargetType Accepts => new(Name, Type, Min, Max);
}

/// <summary>
/// A field of the records a flow's mapping reads: the source system's own fields and those the flow's record
/// rules add. Offered by the mapping editor next to the fields it finds in live sample records.
/// </summary>
public sealed record SourceField(string Name, string Type, string Description = "");

/// <summary>The parts of one flow run, built for a tenant's connections and settings.</summary>
public sealed record FlowParts(ISourceStream Source, ITargetSink Sink, IReadOnlyList<IRecordRule> Rules);

/// <summary>One flow of an integration, defined in code: what it reads, how it maps, where it writes.</summary>
public sealed class FlowDefinition
{
    /// <summary>Key used in the API and the portal (e.g. "products").</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }
    /// <summary>Entity whose record links this flow keeps; flows that write the same target records share it.</summary>
    public required string Entity { get; init; }
    public required string SourceSystem { get; init; }
    public required string TargetSystem { get; init; }
    /// <summary>Minutes between scheduled runs ("30") or a cron expression.</summary>
    public string DefaultSchedule { get; init; } = "30";
    /// <summary>
    /// The schedule a tenant's typed settings ask for (e.g. a nightly time option), applied whenever its settings are
    /// saved; null (or a null answer) leaves <see cref="DefaultSchedule"/> and support's own schedule alone.
    /// </summary>
    public Func<object, string?>? ScheduleFromSettings { get; init; }
    /// <summary>
    /// Keys of the flows whose output this one reads (e.g. supplier products need the products and suppliers in the
    /// target). The scheduler runs a tenant's flows in this order and holds a flow until each input has run to the end once.
    /// </summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public required FieldMapping DefaultMapping { get; init; }
    public required IReadOnlyList<TargetField> TargetFields { get; init; }
    /// <summary>What each target field accepts, for the mapping validator and previews.</summary>
    public IReadOnlyList<TargetType> TargetTypes => TargetFields.Select(f => f.Accepts).ToList();
    /// <summary>What the mapping can read (after the record rules); optional, samples fill in the rest.</summary>
    public IReadOnlyList<SourceField> SourceFields { get; init; } = [];
    /// <summary>How the log and the inbox name a source record next to its id.</summary>
    public RecordTitle Title { get; init; } = RecordTitle.None;
    /// <summary>
    /// Its scheduled runs re-read every record (a nightly or reconciliation sweep): low-priority work that the scheduler
    /// defers to the next slot rather than spend a system's daily budget (see the Quota folder). Incremental flows,
    /// webhooks and button presses are never deferred.
    /// </summary>
    public bool Reconciles { get; init; }
    /// <summary>
    /// Its runs that read the whole source (not single records) first check the tenant's webhook registrations and
    /// repair them (e.g. GoedGepickt's nightly products run, as its seed asks): a webhook removed in the system is back
    /// by the next night, whatever the hourly check missed.
    /// </summary>
    public bool ChecksWebhooks { get; init; }
    /// <summary>Records already linked are never written again (e.g. sell orders: new orders only).</summary>
    public bool CreateOnly { get; init; }
    public required Func<FlowContext, FlowParts> Build { get; init; }

    /// <summary>The source's count of this flow's records, for the reconciliation report; null: not counted.</summary>
    public RecordCount? SourceCount { get; init; }
    /// <summary>The target's count of the records this flow writes (all of them, not only the hub's); null: not counted.</summary>
    public RecordCount? TargetCount { get; init; }

    /// <summary>
    /// Top-level payload fields that carry the sync time (e.g. a buy order's "completed" = now): only whether they
    /// are set counts for the change check, or every re-read would look like a change.
    /// </summary>
    public IReadOnlyList<string> SyncTimeFields { get; init; } = [];

    /// <summary>The payload as the change check sees it.</summary>
    public JsonObject ForChangeCheck(JsonObject payload)
    {
        if (SyncTimeFields.Count == 0) return payload;
        var view = (JsonObject)payload.DeepClone();
        foreach (var field in SyncTimeFields)
            if (view[field] is not null) view[field] = "(set)";
        return view;
    }
}
