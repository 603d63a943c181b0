using System.Runtime.CompilerServices;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply;

/// <summary>
/// GoedGepickt fires no event when a record is deleted and lists no deleted records: a record this tenant synced
/// before (it has a link) that a complete read no longer returns is gone, and is passed on as a deletion at the end.
/// A read that stops early (an error) reports nothing as deleted.
/// </summary>
public sealed class WithDeletionsOfUnseen(ISourceStream inner, LinkLookup links, string entity) : ISourceStream
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var page in inner.ReadAsync(cursor, ct))
        {
            foreach (var record in page.Records) seen.Add(record.Id);
            yield return page;
        }
        var gone = (await links.AllAsync(entity, ct)).Keys.Where(id => !seen.Contains(id)).Select(SourceRecord.Deletion).ToList();
        foreach (var chunk in gone.Chunk(100)) yield return new SourcePage(chunk, null);
    }

    public Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) => inner.ReadOneAsync(sourceId, ct);
}
