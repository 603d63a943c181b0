using Koppel.Domain.Integrations.WebshopsOkos;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Integrations.WebshopsOkos.ToWebshop;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos.Stock;

/// <summary>
/// The quantity each changed product should show in the webshop: the free stock of the webshop's chosen ERP
/// warehouses summed, never below 0 (one <c>GET /stock?warehouseId=</c> per chosen warehouse and page), next to the shop's.
/// </summary>
internal sealed class StockRecords(OkosClient erp, WebshopProducts shop, IReadOnlyList<string> warehouses)
{
    public async Task<IReadOnlyList<SourceRecord>> ReadAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        var rows = new Dictionary<string, List<(string WarehouseId, decimal Free)>>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var warehouse in warehouses)
            foreach (var row in await erp.StockAsync(warehouse, ct))
            {
                var code = OkosClient.Text(row, "productCode");
                if (!wanted.Contains(code)) continue;
                // A free stock that is not a number would push a wrong quantity: that product is left out, with the reason.
                if (ShopValueRules.Number(row["free"]) is not { } free) unreadable[code] = $"its free stock in warehouse {warehouse} is not a number ({row["free"]?.ToJsonString() ?? "missing"})";
                else (rows.TryGetValue(code, out var list) ? list : rows[code] = []).Add((warehouse, free));
            }
        var lookup = await shop.LookupAsync(codes.Where(c => !unreadable.ContainsKey(c)).ToList(), ct);
        return codes.Select(code => unreadable.TryGetValue(code, out var problem)
                ? SourceRecord.Malformed(code, problem)
                : ShopValueRecords.Record(ShopValue.Quantity, code, StockAndPrice.ShopQuantity(rows.GetValueOrDefault(code) ?? [], warehouses), lookup))
            .ToList();
    }
}
