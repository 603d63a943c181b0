using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply.SellOrders;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using static Koppel.Infrastructure.Tests.Integrations.ExactOptiply.SellOrderExpectations;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

public sealed class SellOrdersFlowTests
{
    private const string Flow = SellOrdersFlow.Key;

    internal static async Task<ExactOptiplyHub> StartWithProductsAsync(int items = 40, System.Text.Json.Nodes.JsonObject? settings = null)
    {
        var hub = await ExactOptiplyHub.StartAsync(items, settings);
        Assert.Equal(RunStatus.Succeeded, (await hub.RunAsync(ProductsFlow.Key)).Status);
        return hub;
    }

    [Fact]
    public async Task Sales_orders_become_sell_orders_with_the_seed_table_fields_and_their_lines()
    {
        await using var hub = await StartWithProductsAsync();

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var expected = hub.SyncedSalesOrders();
        Assert.True(expected.Count >= 5);
        Assert.Equal(expected.Count, run.Created);
        Assert.Equal(expected.Count, hub.SellOrders().Count);
        foreach (var order in expected)
        {
            // remoteId is Exact's OrderID itself (the flow's own link id carries a source prefix, Optiply's does not).
            var sellOrder = hub.OptiplyByRemoteId("sellOrders", order.Id("OrderID"));
            Assert.NotNull(sellOrder);
            Assert.Equal(Math.Round((decimal)(double)order["AmountDC"]!, 2), Money(sellOrder["totalValue"]));
            Assert.Equal(ExactDateOf(order["OrderDate"]), OptiplyDate(sellOrder["placed"]));
            Assert.Equal(ExactDateOf(order["DeliveryDate"]), OptiplyDate(sellOrder["completed"]));
            var lines = hub.LinesOf(ExactDivision.SalesOrderLines, "OrderID", order.Id("OrderID")).Where(l => (int)l["UseDropShipment"]! == 0);
            Assert.Equal(ExpectedLines(lines), hub.OptiplyLines(sellOrder));
        }
    }

    [Fact]
    public async Task Drop_shipment_cancelled_and_other_warehouse_orders_are_never_created()
    {
        await using var hub = await StartWithProductsAsync();

        await hub.RunAsync(Flow);

        var orders = hub.Rows(ExactDivision.SalesOrders);
        var dropShipped = orders.Where(hub.IsDropShipment).ToList();
        var cancelled = orders.Where(o => (int)o["Status"]! == 45).ToList();
        var elsewhere = orders.Where(o => o.Id("WarehouseID") != hub.MainWarehouse()).ToList();
        Assert.NotEmpty(dropShipped);
        Assert.NotEmpty(cancelled);
        Assert.NotEmpty(elsewhere);
        foreach (var order in dropShipped.Concat(cancelled).Concat(elsewhere))
            Assert.Null(hub.OptiplyByRemoteId("sellOrders", order.Id("OrderID")));
    }

    [Fact]
    public async Task With_completed_only_just_sales_orders_with_status_21_are_created()
    {
        await using var hub = await StartWithProductsAsync(settings: SellOrderOptions(salesOrders: "completed"));

        await hub.RunAsync(Flow);

        var expected = hub.SyncedSalesOrders(onlyCompleted: true);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(o => o.Id("OrderID")).Order(), hub.SellOrders().Select(s => RemoteId(s)).Order());
    }

    [Fact]
    public async Task Switching_from_completed_to_all_picks_up_the_orders_left_out_before()
    {
        await using var hub = await StartWithProductsAsync(settings: SellOrderOptions(salesOrders: "completed"));
        await hub.RunAsync(Flow);
        var completed = hub.SellOrders().Count;

        await hub.SetSettingsAsync(SellOrderOptions(salesOrders: "all"));
        var run = await hub.RunAsync(Flow);

        Assert.Equal(hub.SyncedSalesOrders().Count - completed, run.Created);
        Assert.Equal(hub.SyncedSalesOrders().Count, hub.SellOrders().Count);
    }

    [Fact]
    public async Task With_all_warehouses_orders_of_every_warehouse_are_created()
    {
        await using var hub = await StartWithProductsAsync(settings: SellOrderOptions(warehouses: "all"));

        await hub.RunAsync(Flow);

        Assert.Equal(hub.SyncedSalesOrders(allWarehouses: true).Count, hub.SellOrders().Count);
        Assert.Contains(hub.SellOrders(), s => hub.Rows(ExactDivision.SalesOrders).Single(o => o.Id("OrderID") == RemoteId(s)).Id("WarehouseID") != hub.MainWarehouse());
    }

    [Fact]
    public async Task With_sales_orders_off_nothing_is_created()
    {
        await using var hub = await StartWithProductsAsync(settings: SellOrderOptions(salesOrders: "off"));

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Empty(hub.SellOrders());
    }

    [Fact]
    public async Task A_sales_order_cancelled_in_Exact_is_deleted_from_Optiply()
    {
        await using var hub = await StartWithProductsAsync();
        await hub.RunAsync(Flow);
        var order = hub.SyncedSalesOrders().First();
        Assert.NotNull(hub.OptiplyByRemoteId("sellOrders", order.Id("OrderID")));

        hub.Exact.Change(ExactOptiplyHub.Division, ExactDivision.SalesOrders, order.Id("OrderID"), o => o["Status"] = 45);
        var run = await hub.RunAsync(Flow);

        Assert.Equal(1, run.Deleted);
        Assert.Null(hub.OptiplyByRemoteId("sellOrders", order.Id("OrderID")));
        var entry = (await hub.LogAsync(run.Id)).Single(e => e.Outcome == Outcome.Deleted);
        Assert.Contains("cancelled", entry.Message);
    }

    [Fact]
    public async Task A_sales_order_deleted_in_Exact_is_deleted_from_Optiply_with_its_lines()
    {
        await using var hub = await StartWithProductsAsync();
        await hub.RunAsync(Flow);
        var order = hub.SyncedSalesOrders().First();
        var sellOrderId = hub.OptiplyByRemoteId("sellOrders", order.Id("OrderID"))!["id"]!.ToString();

        hub.Exact.Delete(ExactOptiplyHub.Division, ExactDivision.SalesOrders, order.Id("OrderID"));
        var run = await hub.RunAsync(Flow);

        Assert.Equal(1, run.Deleted);
        Assert.Null(hub.OptiplyByRemoteId("sellOrders", order.Id("OrderID")));
        Assert.DoesNotContain(hub.Optiply.Records(ExactOptiplyHub.Account, "sellOrderLines"), l => l["sellOrderId"]!.ToString() == sellOrderId);
    }

    [Fact]
    public async Task An_order_already_in_Optiply_is_never_changed()
    {
        await using var hub = await StartWithProductsAsync();
        await hub.RunAsync(Flow);
        var order = hub.SyncedSalesOrders().First();
        var before = hub.OptiplyByRemoteId("sellOrders", order.Id("OrderID"))!;
        var writes = hub.Optiply.Writes;

        hub.Exact.Change(ExactOptiplyHub.Division, ExactDivision.SalesOrders, order.Id("OrderID"), o => o["AmountDC"] = 99999.0);
        var run = await hub.RunAsync(Flow);

        Assert.Equal((1, 0, 0), (run.Read, run.Created, run.Updated));
        Assert.Equal(writes, hub.Optiply.Writes);
        Assert.Equal(before["totalValue"]!.ToString(), hub.OptiplyByRemoteId("sellOrders", order.Id("OrderID"))!["totalValue"]!.ToString());
    }

    [Fact]
    public async Task A_second_run_without_changes_writes_nothing_and_reads_one_page_per_endpoint()
    {
        await using var hub = await StartWithProductsAsync();
        await hub.RunAsync(Flow);
        var reads = hub.Exact.CountRequests("/api/v1/");
        var writes = hub.Optiply.Writes;

        var run = await hub.RunAsync(Flow);

        Assert.Equal((0, 0, 0), (run.Read, run.Created, run.Updated));
        // The sales order headers' sync page and the Deleted log: nothing else when nothing changed.
        Assert.Equal(2, hub.Exact.CountRequests("/api/v1/") - reads);
        Assert.Equal(writes, hub.Optiply.Writes);
    }

    [Fact]
    public async Task An_order_with_an_item_Optiply_does_not_have_fails_and_is_created_on_a_later_run()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        var expected = hub.SyncedSalesOrders().Count;

        var first = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.CompletedWithErrors, first.Status);
        Assert.Equal(expected, first.Failed);
        Assert.Empty(hub.SellOrders());
        var failure = (await hub.LogAsync(first.Id)).First(e => e.Outcome == Outcome.Failed);
        Assert.Contains("is not in Optiply yet", failure.Message);
        Assert.Contains("ART-", failure.Message);

        await hub.RunAsync(ProductsFlow.Key);
        var second = await hub.RunAsync(Flow);

        Assert.Equal(expected, second.Created);
        Assert.Equal(expected, hub.SellOrders().Count);
    }

    internal static string RemoteId(System.Text.Json.Nodes.JsonObject sellOrder) =>
        sellOrder["remoteIdMap"]![Koppel.Infrastructure.Connectors.Optiply.Sandbox.OptiplyDemoLogin.CouplingId]!.ToString().ToLowerInvariant();
}
