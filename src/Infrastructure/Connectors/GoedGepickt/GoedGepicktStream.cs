using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.GoedGepickt;

/// <summary>
/// Every record of a GoedGepickt list (products, orders, suppliers, purchase orders), keyed by its uuid, page by
/// page. GoedGepickt has no modified-since filter, so each run reads the whole list (within the query's filters).
/// </summary>
/// <param name="one">How one record is read again by uuid; null when GG has no single-record endpoint (the list is searched).</param>
public sealed class GoedGepicktStream(GoedGepicktClient client, string path, IReadOnlyList<(string Key, string Value)> query, bool one = true) : ISourceStream
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in client.PagesAsync(path, query, ct))
            yield return new SourcePage(page.Items.Select(Record).ToList(), null);
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (one) return await client.GetAsync($"{path}/{Uri.EscapeDataString(sourceId)}", ct) is { } item ? Record(item) : null;
        await foreach (var page in client.PagesAsync(path, query, ct))
            if (page.Items.FirstOrDefault(i => string.Equals(i["uuid"]?.ToString(), sourceId, StringComparison.OrdinalIgnoreCase)) is { } found)
                return Record(found);
        return null;
    }

    public static SourceRecord Record(JsonObject item) =>
        item["uuid"]?.ToString() is { Length: > 0 } uuid
            ? new SourceRecord(uuid.ToLowerInvariant(), item)
            : SourceRecord.Malformed("(no uuid)", "GoedGepickt sent a record without a uuid", item);
}

/// <summary>A source that reads nothing: a flow switched off by an option, or one fed only by webhooks.</summary>
public sealed class NoRecords : ISourceStream
{
    public IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, CancellationToken ct) => AsyncEnumerable.Empty<SourcePage>();
    public Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) => Task.FromResult<SourceRecord?>(null);
}
