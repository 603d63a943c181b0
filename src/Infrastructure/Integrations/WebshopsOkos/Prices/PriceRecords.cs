using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Prices;

/// <summary>Each changed product's normal net selling price in the ERP (<c>netSalesPrice</c>, by <c>GET /products?code=</c>), next to the shop's.</summary>
internal sealed class PriceRecords(OkosClient erp, WebshopProducts shop)
{
    public async Task<IReadOnlyList<SourceRecord>> ReadAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        var prices = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var product = (await erp.ProductsAsync(code, ct)).FirstOrDefault(p => OkosClient.Text(p, "code") == code);
            if (product is null) prices[code] = null;
            else if (ShopValueRules.Number(product["netSalesPrice"]) is { } price) prices[code] = price;
            else unreadable[code] = $"its netSalesPrice is not a number ({product["netSalesPrice"]?.ToJsonString() ?? "missing"})";
        }
        var lookup = await shop.LookupAsync(prices.Where(p => p.Value is not null).Select(p => p.Key).ToList(), ct);
        return codes.Select(code => unreadable.TryGetValue(code, out var problem)
                ? SourceRecord.Malformed(code, problem)
                : ShopValueRecords.Record(ShopValue.Price, code, prices[code], lookup))
            .ToList();
    }
}
