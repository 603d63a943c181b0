using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ShopRenter;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;

/// <summary>
/// A ShopRenter shop's new orders, by inner id: the cursor is the highest inner id read, so the next run asks for the
/// ones after it (<c>innerIdMin</c>); the first run starts at the webshop's ordersSince date. Pages are 0-based.
/// </summary>
internal sealed class ShopRenterOrderStream(ShopRenterClient shop, string webshopKey, DateOnly since) : ISourceStream
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : 0;
        var createdAtMin = since.ToDateTime(TimeOnly.MinValue);
        for (var page = 0; ; page++)
        {
            var orders = await shop.OrdersAsync(after + 1, createdAtMin, page, ct: ct);
            var highest = orders.Items.Select(InnerId).DefaultIfEmpty(0).Max();
            if (highest > last) last = highest;
            yield return new SourcePage(orders.Items.Select(Record).ToList(), last > 0 ? last.ToString(CultureInfo.InvariantCulture) : null);
            if (orders.IsLast || orders.Items.Count == 0) yield break;
        }
    }

    /// <summary>By inner id (the record's id): the list from that id, its first entry if it is the one.</summary>
    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (!long.TryParse(sourceId, NumberStyles.None, CultureInfo.InvariantCulture, out var innerId)) return null;
        var page = await shop.OrdersAsync(innerId, null, 0, limit: 1, ct: ct);
        return page.Items.FirstOrDefault(o => InnerId(o) == innerId) is { } order ? Record(order) : null;
    }

    private SourceRecord Record(JsonObject raw)
    {
        var (order, problem) = ShopRenterOrderReader.Read(raw, webshopKey);
        return order is null
            ? SourceRecord.Malformed(raw["innerId"]?.ToString() ?? "?", problem!, raw)
            : new SourceRecord(order.OrderId, OrderJson.Write(order));
    }

    private static long InnerId(JsonObject o) =>
        long.TryParse(o["innerId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
