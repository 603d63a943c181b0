using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Sync.Mappings;

/// <summary>One synced record the draft would send differently, with the fields that would change.</summary>
public sealed record ImpactedRecord(string SourceId, string TargetId, IReadOnlyList<PayloadChange> Changes, IReadOnlyList<FieldProblem> Problems);

/// <summary>
/// What a draft mapping would do to a flow's already-synced records.
/// <see cref="Checked"/> records had a stored source to map; <see cref="WouldChange"/> of them would be written
/// again by the next full run; <see cref="Examples"/> shows a few of those, before and after.
/// </summary>
public sealed record ImpactReport(
    int Synced, int Checked, int WouldChange, int WithProblems, int NoStoredSource, int ExcludedByRules,
    IReadOnlyList<ImpactedRecord> Examples, bool CreateOnly, string? Problem)
{
    /// <summary>Only the most recently synced records are checked on very large flows; then this says how many.</summary>
    public int? Limit { get; init; }
}

/// <summary>
/// Applies a draft mapping to the records a flow already synced. The input per record is the source record as read
/// when the record was last written (the sync log keeps it with each created/updated entry); it goes through the
/// flow's rules with today's options, as a run would, and the draft's payload is compared with what the record's
/// link says was last sent, by the same hash the run's change check uses. Source changes since that write that did
/// not change the payload are not seen: the report says "based on the source as last written".
/// </summary>
public sealed class MappingImpact(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, FlowContexts contexts, ILogger<MappingImpact> log)
{
    public const int MaxRecords = 2000;
    public const int MaxExamples = 5;

    /// <exception cref="KeyNotFoundException">Unknown tenant or flow.</exception>
    public async Task<ImpactReport> ComputeAsync(string slug, string flowKey, FieldMapping draft, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var target = await TenantFlow.ResolveAsync(db, catalog, slug, flowKey, ct);
        var (tenantId, flow) = (target.Tenant.Id, target.Flow);
        IReadOnlyList<IRecordRule> rules;
        try
        {
            rules = flow.Build(contexts.Create(target.Tenant, target.Integration)).Rules;
        }
        catch (SyncProblem problem)
        {
            return Empty(flow, problem.Message);
        }

        var linkQuery = db.RecordLinks.AsNoTracking().Where(l => l.TenantId == tenantId && l.Entity == flow.Entity);
        var synced = await linkQuery.CountAsync(ct);
        var links = await linkQuery.OrderByDescending(l => l.UpdatedAt).ThenByDescending(l => l.Id).Take(MaxRecords)
            .Select(l => new { l.SourceId, l.TargetId, l.PayloadHash, l.Payload }).ToListAsync(ct);
        var sources = await LastSourcesAsync(db, tenantId, flow.Key, links.Select(l => l.SourceId).ToList(), ct);

        int checkedCount = 0, wouldChange = 0, withProblems = 0, noSource = 0, excluded = 0;
        var examples = new List<ImpactedRecord>();
        var targets = flow.TargetTypes;
        foreach (var link in links)
        {
            if (!sources.TryGetValue(link.SourceId, out var sourceJson) || JsonNode.Parse(sourceJson) is not JsonObject source)
            {
                noSource++;
                continue;
            }
            var (data, excludedReason) = TenantFlow.ApplyRules(rules, source);
            if (data is null)
            {
                excluded++;
                continue;
            }
            checkedCount++;
            var result = MappingEngine.Apply(draft, data, targets: targets);
            if (result.HasProblems) withProblems++;
            if (PayloadHash.Of(result.Payload) == link.PayloadHash) continue;
            wouldChange++;
            if (examples.Count < MaxExamples)
            {
                var before = link.Payload is null ? null : JsonNode.Parse(link.Payload) as JsonObject;
                examples.Add(new ImpactedRecord(link.SourceId, link.TargetId, PayloadDiff.Compare(before, result.Payload), result.Problems));
            }
        }
        return new ImpactReport(synced, checkedCount, wouldChange, withProblems, noSource, excluded, examples, flow.CreateOnly, null)
        {
            Limit = synced > MaxRecords ? MaxRecords : null,
        };
    }

    /// <summary>Per source id, the source payload of the latest created/updated log entry of this flow.</summary>
    private static async Task<Dictionary<string, string>> LastSourcesAsync(KoppelDb db, int tenantId, string flow, IReadOnlyList<string> sourceIds, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        // Chunked so the IN list stays well below SQLite's parameter limit.
        foreach (var chunk in sourceIds.Chunk(500))
        {
            var latest = await db.SyncLog.AsNoTracking()
                .Where(e => e.TenantId == tenantId && e.Flow == flow && chunk.Contains(e.SourceKey)
                            && (e.Outcome == Outcome.Created || e.Outcome == Outcome.Updated) && e.SourcePayload != null)
                .GroupBy(e => e.SourceKey)
                .Select(g => g.Max(e => e.Id))
                .ToListAsync(ct);
            var rows = await db.SyncLog.AsNoTracking().Where(e => latest.Contains(e.Id))
                .Select(e => new { e.SourceKey, e.SourcePayload }).ToListAsync(ct);
            foreach (var row in rows) found[row.SourceKey] = row.SourcePayload!;
        }
        return found;
    }

    private ImpactReport Empty(FlowDefinition flow, string problem)
    {
        log.LogInformation("Impact preview of flow {Flow} not possible: {Problem}", flow.Key, problem);
        return new ImpactReport(0, 0, 0, 0, 0, 0, [], flow.CreateOnly, problem);
    }
}
