using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Stocks;

/// <summary>
/// Stock figures of the products whose stock changed since the last run (MoySklad's current stock report with
/// <c>changedSince</c>, which reaches back at most 24 hours), or of every product on the first run and after a longer
/// pause. Each record carries the product's Planfix entry key from the products flow's links.
/// </summary>
public sealed class MoySkladStockStream(MoySkladClient moySklad, LinkLookup links, TimeProvider clock) : ISourceStream
{
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReportReach = TimeSpan.FromHours(23);

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var since = MoySkladTime.Parse(cursor);
        if (since is { } s && started - s > ReportReach) since = null;
        var stock = await MoySkladStock.ReadAsync(moySklad, since, ct);
        var entries = await links.AllAsync(ProductsFlow.Entity, ct);
        var records = stock.ProductIds.Order(StringComparer.Ordinal).Select(id => Record(id, stock, entries)).ToList();
        yield return new SourcePage(records, MoySkladTime.FormatForFilter(started - Overlap));
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        var stock = await MoySkladStock.ReadAsync(moySklad, null, ct, [sourceId]);
        return Record(sourceId, stock, await links.AllAsync(ProductsFlow.Entity, ct));
    }

    private static SourceRecord Record(string id, MoySkladStock stock, IReadOnlyDictionary<string, string> entries) =>
        new(id, new JsonObject
        {
            ["stock"] = stock.StockOf(id),
            ["reserve"] = stock.ReserveOf(id),
            ["quantity"] = stock.QuantityOf(id),
            [SkipStockOfProductNotInPlanfix.EntryKey] = entries.GetValueOrDefault(id),
        });
}
