using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.SellOrders;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using static Koppel.Infrastructure.Tests.Integrations.ExactOptiply.SellOrderExpectations;
using static Koppel.Infrastructure.Tests.Integrations.ExactOptiply.SellOrdersFlowTests;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

/// <summary>Sell orders from sales invoices and production orders, alone and next to sales orders.</summary>
public sealed class SellOrderSourcesFlowTests
{
    private const string Flow = SellOrdersFlow.Key;

    [Theory]
    [InlineData("all")]
    [InlineData("completed")]
    public async Task Sales_invoices_alone_become_sell_orders_with_the_invoice_map(string filter)
    {
        await using var hub = await StartWithProductsAsync(settings: SellOrderOptions(salesOrders: "off", salesInvoices: filter));

        await hub.RunAsync(Flow);

        var expected = hub.Rows(ExactDivision.SalesInvoices)
            .Where(i => filter == "all" || (int)i["Status"]! == 50)
            .Where(i => hub.WarehouseOf(i) == hub.MainWarehouse())
            .ToList();
        Assert.NotEmpty(expected);
        // Invoices made from orders count too when orders are not synced.
        Assert.Contains(expected, hub.FromSalesOrder);
        if (filter == "completed") Assert.Contains(hub.Rows(ExactDivision.SalesInvoices), i => (int)i["Status"]! != 50);
        Assert.Equal(expected.Select(i => i.Id("InvoiceID")).Order(), hub.SellOrders().Select(RemoteId).Order());
        foreach (var invoice in expected)
        {
            var sellOrder = hub.OptiplyByRemoteId("sellOrders", invoice.Id("InvoiceID"))!;
            Assert.Equal(Math.Round((decimal)(double)invoice["AmountDC"]!, 2), Money(sellOrder["totalValue"]));
            Assert.Equal(ExactDateOf(invoice["InvoiceDate"]), OptiplyDate(sellOrder["placed"]));
            Assert.Equal(ExactDateOf(invoice["InvoiceDate"]), OptiplyDate(sellOrder["completed"]));
            Assert.Equal(ExpectedLines(hub.LinesOf(ExactDivision.SalesInvoiceLines, "InvoiceID", invoice.Id("InvoiceID"))), hub.OptiplyLines(sellOrder));
        }
    }

    [Fact]
    public async Task With_orders_and_invoices_only_invoices_not_made_from_an_order_are_added()
    {
        await using var hub = await StartWithProductsAsync(settings: SellOrderOptions(salesOrders: "all", salesInvoices: "all"));

        await hub.RunAsync(Flow);

        var invoices = hub.Rows(ExactDivision.SalesInvoices).Where(i => hub.WarehouseOf(i) == hub.MainWarehouse()).ToList();
        var direct = invoices.Where(i => !hub.FromSalesOrder(i)).Select(i => i.Id("InvoiceID")).ToList();
        Assert.NotEmpty(direct);
        Assert.Contains(invoices, hub.FromSalesOrder);
        var expected = hub.SyncedSalesOrders().Select(o => o.Id("OrderID")).Concat(direct);
        Assert.Equal(expected.Order(), hub.SellOrders().Select(RemoteId).Order());
    }

    [Theory]
    [InlineData("all", new[] { 10, 20, 30, 40 })]
    [InlineData("completed", new[] { 30, 40 })]
    public async Task Production_orders_become_sell_orders_of_their_item_without_value(string filter, int[] statuses)
    {
        await using var hub = await StartWithProductsAsync(settings: SellOrderOptions(salesOrders: "off", productionOrders: filter));

        await hub.RunAsync(Flow);

        var expected = hub.Rows(ExactDivision.ShopOrders).Where(s => statuses.Contains((int)s["Status"]!)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(s => s.Id()).Order(), hub.SellOrders().Select(RemoteId).Order());
        foreach (var shopOrder in expected)
        {
            var sellOrder = hub.OptiplyByRemoteId("sellOrders", shopOrder.Id())!;
            Assert.Equal(0m, Money(sellOrder["totalValue"]));
            Assert.Equal(ExactDateOf(shopOrder["PlannedStartDate"]), OptiplyDate(sellOrder["placed"]));
            Assert.Equal(ExactDateOf(shopOrder["PlannedDate"]), OptiplyDate(sellOrder["completed"]));
            var line = Assert.Single(hub.OptiplyLines(sellOrder));
            Assert.Equal(shopOrder.Id("Item"), line.Key);
            Assert.Equal(((decimal)(double)shopOrder["PlannedQuantity"]!, 0m), line.Value);
        }
    }

    [Fact]
    public async Task Orders_invoices_and_production_orders_sync_side_by_side_and_their_deletions_too()
    {
        await using var hub = await StartWithProductsAsync(settings: SellOrderOptions(salesOrders: "all", salesInvoices: "all", productionOrders: "all"));
        await hub.RunAsync(Flow);
        var invoice = hub.Rows(ExactDivision.SalesInvoices).First(i => !hub.FromSalesOrder(i) && hub.WarehouseOf(i) == hub.MainWarehouse());
        var shopOrder = hub.Rows(ExactDivision.ShopOrders).First();
        Assert.NotNull(hub.OptiplyByRemoteId("sellOrders", invoice.Id("InvoiceID")));
        Assert.NotNull(hub.OptiplyByRemoteId("sellOrders", shopOrder.Id()));

        hub.Exact.Delete(ExactOptiplyHub.Division, ExactDivision.SalesInvoices, invoice.Id("InvoiceID"));
        hub.Exact.Delete(ExactOptiplyHub.Division, ExactDivision.ShopOrders, shopOrder.Id());
        var run = await hub.RunAsync(Flow);

        Assert.Equal(2, run.Deleted);
        Assert.Null(hub.OptiplyByRemoteId("sellOrders", invoice.Id("InvoiceID")));
        Assert.Null(hub.OptiplyByRemoteId("sellOrders", shopOrder.Id()));
    }
}
