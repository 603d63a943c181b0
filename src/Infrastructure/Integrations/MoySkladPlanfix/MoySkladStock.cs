using Koppel.Infrastructure.Connectors.MoySklad;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>Stock, reserve and available (MoySklad's quantity) of products, from three calls of the current stock report.</summary>
public sealed record MoySkladStock(Dictionary<string, decimal> Stock, Dictionary<string, decimal> Reserve, Dictionary<string, decimal> Quantity)
{
    public static async Task<MoySkladStock> ReadAsync(MoySkladClient client, DateTimeOffset? changedSince, CancellationToken ct, IReadOnlyCollection<string>? productIds = null) =>
        new(await client.CurrentStockAsync("stock", changedSince, ct, productIds),
            await client.CurrentStockAsync("reserve", changedSince, ct, productIds),
            await client.CurrentStockAsync("quantity", changedSince, ct, productIds));

    public IEnumerable<string> ProductIds => Stock.Keys.Union(Reserve.Keys).Union(Quantity.Keys);

    public decimal StockOf(string id) => Stock.GetValueOrDefault(id);
    public decimal ReserveOf(string id) => Reserve.GetValueOrDefault(id);
    public decimal QuantityOf(string id) => Quantity.GetValueOrDefault(id);
}
