using System.Runtime.CompilerServices;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

/// <summary>
/// The ERP's change feed (<c>GET /changes?since=</c>), oldest first, read to its end: each answer is one page whose
/// records are the current values of the products of one kind ("stock" or "price") changed in it, each product once.
/// The page's cursor is the last change's, committed with the page, so a run that stops reads the page again.
/// </summary>
internal sealed class ErpChangeStream(OkosClient erp, string kind, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<SourceRecord>>> read) : ISourceStream
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            var changes = await erp.ChangesAsync(cursor, ct);
            if (changes.Count == 0) yield break;
            var last = OkosClient.Text(changes[^1], "cursor");
            var ofKind = changes.Where(c => OkosClient.Text(c, "kind") == kind).ToList();
            var codes = ofKind.Select(c => OkosClient.Text(c, "productCode")).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var records = codes.Count == 0 ? [] : (await read(codes, ct)).ToList();
            // A change without a product code cannot be applied: logged as failed, and the feed goes on past it.
            records.AddRange(ofKind.Where(c => OkosClient.Text(c, "productCode").Length == 0)
                .Select(c => SourceRecord.Malformed($"change {OkosClient.Text(c, "cursor")}", "the change names no product code")));
            yield return new SourcePage(records, last.Length > 0 ? last : null);
            // A feed that answers without moving on would be read forever.
            if (last.Length == 0 || last == cursor) yield break;
            cursor = last;
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) =>
        sourceId.StartsWith("change ", StringComparison.Ordinal) ? null : (await read([sourceId], ct)).FirstOrDefault();
}
