using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Integrations.ExactOptiply;

/// <summary>Where a record's reference to another synced record is, and where its Optiply id goes.</summary>
/// <param name="Entity">The link namespace of the flow that synced the other record ("product", "supplier").</param>
/// <param name="SourceField">The field holding the other record's Exact id.</param>
/// <param name="TargetField">The field the Optiply id is written to; null when the other record is not synced.</param>
/// <param name="Flow">The flow that syncs the other record: when its rules skipped that record, the reason is added
/// under <see cref="RequireLinked.SkipsField"/>, so the record is not retried for a partner that will not come.</param>
public sealed record OptiplyReference(string Entity, string SourceField, string TargetField, string? Flow = null);

/// <summary>
/// Adds the Optiply ids of the records a source record points at, from the links the other flows keep. The links
/// are read once per entity per run (one query), not per record.
/// </summary>
public sealed class WithOptiplyIds(ISourceStream inner, LinkLookup links, params OptiplyReference[] references) : ISourceStream
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in inner.ReadAsync(cursor, ct))
        {
            var records = new List<SourceRecord>(page.Records.Count);
            foreach (var record in page.Records) records.Add(await AddAsync(record, ct));
            yield return page with { Records = records };
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) =>
        await inner.ReadOneAsync(sourceId, ct) is { } record ? await AddAsync(record, ct) : null;

    private async Task<SourceRecord> AddAsync(SourceRecord record, CancellationToken ct)
    {
        if (record.Deleted || record.Problem is not null) return record;
        var data = (JsonObject)record.Data.DeepClone();
        foreach (var reference in references)
        {
            var exactId = data[reference.SourceField]?.ToString()?.ToLowerInvariant();
            var targetId = exactId is null ? null : await links.TargetIdAsync(reference.Entity, exactId, ct);
            data[reference.TargetField] = targetId;
            if (targetId is null && exactId is not null && reference.Flow is not null
                && await links.SkipReasonAsync(reference.Flow, exactId, ct) is { } reason)
                ((data[RequireLinked.SkipsField] ??= new JsonObject()).AsObject())[reference.TargetField] = reason;
        }
        return record with { Data = data };
    }
}
