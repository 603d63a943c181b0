using System.Text.Json.Nodes;
using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Sync.Mappings;

/// <summary>
/// A record read live from a flow's source. <see cref="Data"/> is what the mapping sees: the record after the flow's
/// rules. When a rule drops it, <see cref="Excluded"/> says why and <see cref="Data"/> is the record as read.
/// </summary>
public sealed record SampleRecord(string Id, JsonObject Data, string? Excluded = null)
{
    public bool Mapped => Excluded is null;
}

/// <summary>Sample records of a flow, or why none could be read (in words for support staff).</summary>
public sealed record SampleSet(IReadOnlyList<SampleRecord> Records, string? Problem)
{
    /// <summary>Every path the mapped records have, for the editor's source field picker.</summary>
    public IReadOnlyList<FoundPath> Paths { get; } = SourcePaths.Of(Records.Where(r => r.Mapped).Select(r => r.Data));
}

/// <summary>
/// Reads the first records of a flow's source stream with the tenant's connections and options, and passes them
/// through the flow's record rules exactly as a run does, so previews show what a run would map. Reads only:
/// no cursor moves, nothing is written to the target.
/// </summary>
public sealed class SampleRecords(IDbContextFactory<KoppelDb> dbs, IntegrationCatalog catalog, FlowContexts contexts, ILogger<SampleRecords> log)
{
    public const int DefaultLimit = 20;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <exception cref="KeyNotFoundException">Unknown tenant or flow.</exception>
    public async Task<SampleSet> ReadAsync(string slug, string flowKey, int limit = DefaultLimit, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        TenantFlow target;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            target = await TenantFlow.ResolveAsync(db, catalog, slug, flowKey, ct);
        var within = timeout ?? DefaultTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(within);
        var records = new List<SampleRecord>();
        try
        {
            var parts = target.Flow.Build(contexts.Create(target.Tenant, target.Integration));
            await foreach (var page in parts.Source.ReadAsync(null, deadline.Token))
            {
                foreach (var record in page.Records)
                {
                    if (record.Deleted) continue;
                    if (record.Problem is not null)
                        records.Add(new SampleRecord(record.Id, record.Data, $"Could not be read from {target.Flow.SourceSystem}: {record.Problem}"));
                    else
                    {
                        var (data, excluded) = TenantFlow.ApplyRules(parts.Rules, record.Data);
                        records.Add(new SampleRecord(record.Id, data ?? record.Data, excluded));
                    }
                    if (records.Count >= limit) return new SampleSet(records, null);
                }
            }
            return new SampleSet(records, records.Count == 0 ? $"{target.Flow.SourceSystem} has no records for this flow yet." : null);
        }
        catch (SyncProblem problem)
        {
            return new SampleSet(records, problem.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SampleSet(records, $"{target.Flow.SourceSystem} did not answer within {within.TotalSeconds:0.#} seconds. Try again, or check the connection.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Reading sample records of flow {Flow} of tenant {Tenant} failed", flowKey, slug);
            return new SampleSet(records, $"The records could not be read from {target.Flow.SourceSystem}. " +
                                          "Check the connection (\"test connection\" on the tenant page); the server log has the details.");
        }
    }
}
