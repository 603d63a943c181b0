namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>An open, not yet invoiced ERP order document, as the fulfillable view needs it.</summary>
/// <param name="Webshop">The key of the webshop the order came from; null for an order entered in the ERP itself.</param>
public sealed record OpenOrder(string Id, string Number, DateTime Date, string WarehouseId, string Customer, IReadOnlyList<OpenOrderLine> Lines, string? Webshop = null);

public sealed record OpenOrderLine(string ProductCode, string Name, decimal Quantity);

/// <param name="Missing">Per product code, how much the order lacks when it is not fulfillable.</param>
public sealed record FulfillableOrder(OpenOrder Order, bool Fulfillable, IReadOnlyDictionary<string, decimal> Missing);

/// <summary>
/// Which open orders can be served from stock: the physical stock of each warehouse is allocated to the orders in
/// date order; an order that cannot be served in full is not fulfillable and takes nothing, so a later, smaller
/// order may still be ("a single product short makes the order not fulfillable").
/// </summary>
public static class FulfillableOrders
{
    public static IReadOnlyList<FulfillableOrder> Allocate(IEnumerable<OpenOrder> orders, IReadOnlyDictionary<(string ProductCode, string WarehouseId), decimal> physical)
    {
        var left = physical.ToDictionary(p => p.Key, p => p.Value);
        var result = new List<FulfillableOrder>();
        foreach (var order in orders.OrderBy(o => o.Date).ThenBy(o => o.Number, StringComparer.Ordinal))
        {
            var needed = order.Lines.GroupBy(l => l.ProductCode).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
            var missing = needed
                .Select(n => (Code: n.Key, Short: n.Value - Math.Max(0, left.GetValueOrDefault((n.Key, order.WarehouseId)))))
                .Where(x => x.Short > 0).ToDictionary(x => x.Code, x => x.Short);
            if (missing.Count == 0)
                foreach (var (code, quantity) in needed) left[(code, order.WarehouseId)] = left.GetValueOrDefault((code, order.WarehouseId)) - quantity;
            result.Add(new FulfillableOrder(order, missing.Count == 0, missing));
        }
        return result;
    }
}
