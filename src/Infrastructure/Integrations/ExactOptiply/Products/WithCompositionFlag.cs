using System.Runtime.CompilerServices;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.Products;

/// <summary>
/// Adds "HasComposition" to each item when the tenant takes "assembled" from compositions: true when the item
/// has a default bill of material. The versions are read once per run, not once per item.
/// </summary>
public sealed class WithCompositionFlag(ISourceStream items, ExactOnlineClient exact) : ISourceStream
{
    private HashSet<string>? _composed;

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in items.ReadAsync(cursor, ct))
        {
            var composed = await ComposedAsync(ct);
            yield return page with { Records = page.Records.Select(r => Flag(r, composed)).ToList() };
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) =>
        await items.ReadOneAsync(sourceId, ct) is { } record ? Flag(record, await ComposedAsync(ct)) : null;

    private static SourceRecord Flag(SourceRecord record, HashSet<string> composed)
    {
        if (record.Deleted) return record;
        // The record was just read for this run: the flag is added to it rather than to a copy.
        record.Data["HasComposition"] = composed.Contains(record.Id);
        return record;
    }

    private async Task<HashSet<string>> ComposedAsync(CancellationToken ct)
    {
        if (_composed is not null) return _composed;
        var versions = await exact.AllAsync(exact.Url("manufacturing/BillOfMaterialVersions", ["ID", "Item", "IsDefault"], "IsDefault eq 1"), ct);
        return _composed = versions.Select(v => v["Item"]?.ToString()?.ToLowerInvariant()).OfType<string>().ToHashSet();
    }
}
