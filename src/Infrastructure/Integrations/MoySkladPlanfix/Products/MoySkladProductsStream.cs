using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;

/// <summary>
/// MoySklad products with their unit's name and stock figures: everything on the first run, then those updated
/// since the last run (archived ones included, so they are marked in Planfix). One call per 1,000 products plus
/// three stock report calls. The cursor is the run's start in Moscow time, a little early so no change is missed.
/// </summary>
public sealed class MoySkladProductsStream(MoySkladClient moySklad, TimeProvider clock, ConcurrentDictionary<string, string> externalCodes) : ISourceStream
{
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);
    private Dictionary<string, string>? _units;

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var filter = "archived=true;archived=false";
        if (MoySkladTime.Parse(cursor) is { } since) filter = $"updated>={MoySkladTime.FormatForFilter(since)};{filter}";
        MoySkladStock? stock = null;
        var next = MoySkladTime.FormatForFilter(started - Overlap);
        await foreach (var page in moySklad.PagesAsync("product", filter, ct))
        {
            if (page.Count == 0) break;
            stock ??= await MoySkladStock.ReadAsync(moySklad, null, ct);
            var records = new List<SourceRecord>(page.Count);
            foreach (var product in page) records.Add(await RecordAsync(product, stock, ct));
            yield return new SourcePage(records, null);
        }
        yield return new SourcePage([], next);
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        var product = await moySklad.GetAsync("product", sourceId, ct);
        if (product is null) return null;
        return await RecordAsync(product, await MoySkladStock.ReadAsync(moySklad, null, ct, [sourceId]), ct);
    }

    private async Task<SourceRecord> RecordAsync(JsonObject product, MoySkladStock stock, CancellationToken ct)
    {
        var id = product["id"]?.ToString();
        if (string.IsNullOrEmpty(id)) return SourceRecord.Malformed("(no id)", "the product has no id", product);
        if (product["externalCode"]?.ToString() is { Length: > 0 } code) externalCodes[id] = code;
        var href = product["uom"]?["meta"]?["href"]?.ToString();
        product[FlattenProduct.UnitName] = href is null ? null : (await UnitsAsync(ct)).GetValueOrDefault(href[(href.LastIndexOf('/') + 1)..]);
        product[FlattenProduct.Stock] = stock.StockOf(id);
        product[FlattenProduct.Reserve] = stock.ReserveOf(id);
        product[FlattenProduct.Quantity] = stock.QuantityOf(id);
        return new SourceRecord(id, product);
    }

    /// <summary>Units of measure by id: a product names its unit only by href (expand does not work on pages of 1,000).</summary>
    private async Task<Dictionary<string, string>> UnitsAsync(CancellationToken ct)
    {
        if (_units is not null) return _units;
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var page in moySklad.PagesAsync("uom", null, ct))
            foreach (var uom in page)
                if (uom["id"]?.ToString() is { } id) units[id] = uom["name"]?.ToString() ?? "";
        return _units = units;
    }
}
