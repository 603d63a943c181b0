using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.Unas;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;

/// <summary>
/// An UNAS shop's orders changed since the cursor (unix seconds of the last DateMod read, inclusive: orders changed in
/// that same second are read again and found linked), oldest change first, 500 a call as UNAS caps it. A change read
/// again is how an order that reaches an invoiceable status later comes back.
/// </summary>
internal sealed class UnasOrderStream(UnasClient shop, string webshopKey, DateOnly since) : ISourceStream
{
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var from = long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var saved)
            ? saved
            : new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        for (var offset = 0; ; offset += UnasClient.OrderPage)
        {
            var orders = await shop.OrdersAsync(from, offset, ct: ct);
            var last = orders.Select(Modified).DefaultIfEmpty(null).Max();
            yield return new SourcePage(orders.Select(Record).ToList(), last?.ToString(CultureInfo.InvariantCulture));
            if (orders.Count < UnasClient.OrderPage) yield break;
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) =>
        await shop.OrderAsync(sourceId, ct) is { } order ? Record(order) : null;

    private SourceRecord Record(XElement raw)
    {
        var (order, problem) = UnasOrderReader.Read(raw, webshopKey);
        return order is null
            ? SourceRecord.Malformed(raw.Element("Key")?.Value ?? "?", problem!)
            : new SourceRecord(order.OrderId, OrderJson.Write(order));
    }

    private static long? Modified(XElement order) =>
        UnasOrderReader.Date(order.Element("DateMod")?.Value ?? "") is { } d ? new DateTimeOffset(d, TimeSpan.Zero).ToUnixTimeSeconds() : null;
}
