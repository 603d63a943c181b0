using Koppel.Domain.Integrations.WebshopsOkos;

namespace Koppel.Domain.Tests.Integrations.WebshopsOkos;

public sealed class FulfillableOrdersTests
{
    private static Dictionary<(string, string), decimal> Stock(params (string Code, decimal Qty)[] rows) => rows.ToDictionary(r => (r.Code, "1"), r => r.Qty);

    [Fact]
    public void Stock_goes_to_the_oldest_orders_first()
    {
        var result = FulfillableOrders.Allocate([Orders.Open("B", 2, ("A", 3)), Orders.Open("A", 1, ("A", 3))], Stock(("A", 4)));
        Assert.Equal([("A", true), ("B", false)], result.Select(r => (r.Order.Number, r.Fulfillable)).ToList());
        Assert.Equal(2, result[1].Missing["A"]);
    }

    [Fact]
    public void An_order_that_cannot_be_served_in_full_takes_nothing_so_a_later_smaller_one_still_can()
    {
        var result = FulfillableOrders.Allocate(
            [Orders.Open("1", 1, ("A", 5), ("B", 1)), Orders.Open("2", 2, ("A", 3))],
            Stock(("A", 4), ("B", 0)));
        Assert.False(result[0].Fulfillable);
        Assert.True(result[1].Fulfillable);
        Assert.Equal(new Dictionary<string, decimal> { ["A"] = 1, ["B"] = 1 }, result[0].Missing);
    }

    [Fact]
    public void Stock_of_another_warehouse_does_not_serve_an_order()
    {
        var result = FulfillableOrders.Allocate([Orders.Open("1", 1, ("A", 1))], new Dictionary<(string, string), decimal> { [("A", "2")] = 10 });
        Assert.False(Assert.Single(result).Fulfillable);
    }

    [Fact]
    public void The_packing_summary_adds_up_each_product_and_names_its_orders()
    {
        var rows = PackingSummary.For([Orders.Open("SR-1", 1, ("A", 2), ("B", 1)), Orders.Open("UN-1", 2, ("A", 1))]);
        Assert.Equal([("A", 3m, "SR-1,UN-1"), ("B", 1m, "SR-1")], rows.Select(r => (r.ProductCode, r.Quantity, string.Join(',', r.OrderNumbers))).ToList());
        Assert.Equal("Product code;Name;Quantity;Orders\nA;A;3;SR-1, UN-1\nB;B;1;SR-1\n", PackingSummary.Csv(rows));
    }

    [Fact]
    public void The_purchase_list_buys_what_open_orders_and_minimum_stock_need_beyond_stock_and_incoming()
    {
        var rows = PurchaseList.For([Orders.Open("1", 1, ("A", 5))],
            new Dictionary<string, StockFigures> { ["A"] = new("A", Physical: 4, Reserved: 9, Incoming: 2) },
            new Dictionary<string, PurchasingData> { ["A"] = new("A", "Kerti szék", MinimumStock: 3, "Bútor Kft.", "BK-77") });
        var row = Assert.Single(rows);
        Assert.Equal((4m, 9m, -5m, 3m, 2m, 6m, "Bútor Kft.", "BK-77"), (row.Physical, row.Reserved, row.Free, row.MinimumStock, row.Incoming, row.ToPurchase, row.Supplier, row.SupplierItemCode));
    }
}
