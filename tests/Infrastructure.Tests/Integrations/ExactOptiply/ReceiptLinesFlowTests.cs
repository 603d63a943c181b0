using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply.ReceiptLines;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Tests.Connectors.ExactOnline;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text.Json.Nodes;
using static Koppel.Infrastructure.Tests.Integrations.ExactOptiply.SellOrderExpectations;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

/// <summary>
/// Receipt lines hang on buy order lines, which the buy-orders flow writes. These tests put the buy orders in
/// the Optiply emulator themselves and link them the way that flow does ("buy-order-line" links by the Exact
/// purchase order line id, or the assembly order id), so the receipt rules are tested on their own.
/// </summary>
public sealed class ReceiptLinesFlowTests
{
    private const string Flow = ReceiptLinesFlow.Key;

    [Fact]
    public async Task Goods_receipt_lines_become_receipt_lines_of_their_buy_order_line()
    {
        await using var hub = await StartAsync();
        var links = await LinkPurchaseOrderLinesAsync(hub);
        await LinkAssemblyOrdersAsync(hub, hub.Rows(ExactDivision.AssemblyOrders));

        var run = await hub.RunAsync(Flow);

        await AssertNoFailuresAsync(hub, run);
        var receipts = hub.Rows(ExactDivision.GoodsReceiptLines);
        Assert.NotEmpty(receipts);
        Assert.Equal(receipts.Count + CompleteAssemblies(hub), run.Created);
        foreach (var receipt in receipts)
        {
            var line = hub.OptiplyByRemoteId("receiptLines", receipt.Id());
            Assert.NotNull(line);
            Assert.Equal((decimal)(double)receipt["QuantityReceived"]!, (decimal)line["quantity"]!);
            Assert.Equal(ExactDateOf(receipt["Created"]), OptiplyDate(line["occurred"]));
            Assert.Equal(links[receipt.Id("PurchaseOrderLineID")], line["buyOrderLineId"]!.ToString());
        }
    }

    [Fact]
    public async Task A_receipt_whose_buy_order_line_is_not_in_Optiply_fails_and_is_sent_once_it_is()
    {
        await using var hub = await StartAsync();
        await LinkAssemblyOrdersAsync(hub, hub.Rows(ExactDivision.AssemblyOrders));
        var receipts = hub.Rows(ExactDivision.GoodsReceiptLines).Count;

        var first = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.CompletedWithErrors, first.Status);
        Assert.Equal(receipts, first.Failed);
        Assert.Equal(CompleteAssemblies(hub), hub.Optiply.Records(ExactOptiplyHub.Account, "receiptLines").Count);
        Assert.Contains("purchase order line this receipt belongs to is not in Optiply yet", (await hub.LogAsync(first.Id)).First(e => e.Outcome == Outcome.Failed).Message);

        await LinkPurchaseOrderLinesAsync(hub);
        var second = await hub.RunAsync(Flow);

        Assert.Equal(receipts, second.Created);
        Assert.Equal(receipts + CompleteAssemblies(hub), hub.Optiply.Records(ExactOptiplyHub.Account, "receiptLines").Count);
    }

    [Fact]
    public async Task A_new_receipt_in_Exact_is_added_once_and_a_run_without_changes_writes_nothing()
    {
        await using var hub = await StartAsync();
        await LinkPurchaseOrderLinesAsync(hub);
        await LinkAssemblyOrdersAsync(hub, hub.Rows(ExactDivision.AssemblyOrders));
        await hub.RunAsync(Flow);
        var order = hub.Rows(ExactDivision.PurchaseOrders).First(o => (int)o["ReceiptStatus"]! == 10 && (int)o["OrderStatus"]! == 10);
        var line = hub.LinesOf(ExactDivision.PurchaseOrderLines, "PurchaseOrderID", order.Id("PurchaseOrderID")).First();

        hub.Exact.ReceiveGoods(ExactOptiplyHub.Division, order.Id("PurchaseOrderID"), line["ItemCode"]!.ToString(), 2);
        var run = await hub.RunAsync(Flow);

        Assert.Equal(1, run.Created);
        var receipt = hub.Rows(ExactDivision.GoodsReceiptLines).Single(r => r.Id("PurchaseOrderLineID") == line.Id() && (double)r["QuantityReceived"]! == 2);
        Assert.Equal(2m, (decimal)hub.OptiplyByRemoteId("receiptLines", receipt.Id())!["quantity"]!);

        var writes = hub.Optiply.Writes;
        var again = await hub.RunAsync(Flow);
        Assert.Equal((0, 0), (again.Created, again.Updated));
        Assert.Equal(writes, hub.Optiply.Writes);
    }

    [Theory]
    [InlineData("main", false)]
    [InlineData("all", true)]
    public async Task Receipts_of_purchase_orders_outside_the_chosen_warehouses_are_left_out(string mode, bool included)
    {
        await using var hub = await StartAsync(new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = mode } });
        await LinkPurchaseOrderLinesAsync(hub);
        await LinkAssemblyOrdersAsync(hub, hub.Rows(ExactDivision.AssemblyOrders));
        var receipt = hub.Rows(ExactDivision.GoodsReceiptLines).First();
        var shop = hub.ExactRow(ExactDivision.Warehouses, "Code", "2").Id();
        hub.Exact.Change(ExactOptiplyHub.Division, ExactDivision.PurchaseOrders, receipt.Id("PurchaseOrderID"), o => o["Warehouse"] = shop);

        var run = await hub.RunAsync(Flow);

        await AssertNoFailuresAsync(hub, run);
        Assert.Equal(included, hub.OptiplyByRemoteId("receiptLines", receipt.Id()) is not null);
        Assert.NotNull(hub.OptiplyByRemoteId("receiptLines", hub.Rows(ExactDivision.GoodsReceiptLines).First(r => r.Id("PurchaseOrderID") != receipt.Id("PurchaseOrderID")).Id()));
    }

    [Fact]
    public async Task A_completed_assembly_order_is_received_at_the_time_of_the_sync_for_its_finished_quantity()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero));
        await using var hub = await StartAsync(new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = "all" } }, clock);
        var complete = hub.Rows(ExactDivision.AssemblyOrders).Where(a => (int)a["OrderStatus"]! == 50).ToList();
        Assert.True(complete.Count >= 2);
        // A disassembly takes the item apart: nothing is received.
        var disassembly = complete[^1];
        hub.Exact.Change(ExactOptiplyHub.Division, ExactDivision.AssemblyOrders, disassembly.Id(), a => a["Type"] = 8061);
        var links = await LinkAssemblyOrdersAsync(hub, hub.Rows(ExactDivision.AssemblyOrders));
        await LinkPurchaseOrderLinesAsync(hub);
        var before = Truncate(clock.GetUtcNow());

        var run = await hub.RunAsync(Flow);

        var after = clock.GetUtcNow();
        await AssertNoFailuresAsync(hub, run);
        foreach (var order in hub.Rows(ExactDivision.AssemblyOrders))
        {
            var receipt = hub.OptiplyByRemoteId("receiptLines", order.Id());
            if ((int)order["OrderStatus"]! != 50 || (int)order["Type"]! == 8061)
            {
                Assert.Null(receipt);
                continue;
            }
            Assert.NotNull(receipt);
            Assert.Equal((decimal)(double)order["FinishedQuantity"]!, (decimal)receipt["quantity"]!);
            Assert.Equal(links[order.Id()], receipt["buyOrderLineId"]!.ToString());
            var occurred = OptiplyDate(receipt["occurred"]);
            Assert.InRange(occurred, before, after);
        }
        Assert.Null(hub.OptiplyByRemoteId("receiptLines", disassembly.Id()));
    }

    [Fact]
    public async Task Assembly_orders_of_other_warehouses_are_left_out_by_default()
    {
        await using var hub = await StartAsync();
        await LinkAssemblyOrdersAsync(hub, hub.Rows(ExactDivision.AssemblyOrders));
        await LinkPurchaseOrderLinesAsync(hub);

        await AssertNoFailuresAsync(hub, await hub.RunAsync(Flow));

        var complete = hub.Rows(ExactDivision.AssemblyOrders).Where(a => (int)a["OrderStatus"]! == 50 && (int)a["Type"]! == 8060).ToList();
        Assert.Contains(complete, a => a.Id("Warehouse") == hub.MainWarehouse());
        Assert.Contains(complete, a => a.Id("Warehouse") != hub.MainWarehouse());
        foreach (var order in complete)
            Assert.Equal(order.Id("Warehouse") == hub.MainWarehouse(), hub.OptiplyByRemoteId("receiptLines", order.Id()) is not null);
    }

    private static async Task<ExactOptiplyHub> StartAsync(JsonObject? settings = null, TimeProvider? clock = null)
    {
        var hub = await ExactOptiplyHub.StartAsync(items: 100, settings, clock: clock);
        Assert.Equal(RunStatus.Succeeded, (await hub.RunAsync(ProductsFlow.Key)).Status);
        return hub;
    }

    /// <summary>Optiply buy orders with a line per Exact purchase order line, linked as the buy-orders flow links them.</summary>
    private static async Task<Dictionary<string, string>> LinkPurchaseOrderLinesAsync(ExactOptiplyHub hub)
    {
        var lines = hub.Rows(ExactDivision.PurchaseOrderLines).GroupBy(l => l.Id("PurchaseOrderID"));
        return await AddBuyOrdersAsync(hub, lines.Select(g => g.Select(l => (l.Id(), l.Id("Item"), (long)(double)l["Quantity"]!)).ToList()), assembly: false);
    }

    /// <summary>One Optiply assembly buy order per Exact assembly order, its line linked under "assembly:&lt;id&gt;".</summary>
    private static Task<Dictionary<string, string>> LinkAssemblyOrdersAsync(ExactOptiplyHub hub, IEnumerable<JsonObject> orders) =>
        AddBuyOrdersAsync(hub, orders.Select(o => new List<(string, string, long)> { (o.Id(), o.Id("Item"), (long)(double)o["PlannedQuantity"]!) }), assembly: true);

    private static async Task<Dictionary<string, string>> AddBuyOrdersAsync(ExactOptiplyHub hub, IEnumerable<List<(string LineId, string Item, long Quantity)>> orders, bool assembly)
    {
        const string account = ExactOptiplyHub.Account;
        var supplier = hub.Optiply.Add(account, "suppliers", new JsonObject { ["name"] = "Houtindustrie Veluwe" });
        var products = hub.Optiply.Products(account).ToDictionary(
            p => p["remoteIdMap"]![Koppel.Infrastructure.Connectors.Optiply.Sandbox.OptiplyDemoLogin.CouplingId]!.ToString().ToLowerInvariant(), p => long.Parse(p["id"]!.ToString(), CultureInfo.InvariantCulture));
        await using var db = await hub.Hub.DbAsync();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == ExactOptiplyHub.Slug);
        var linked = new Dictionary<string, string>();
        foreach (var lines in orders)
        {
            var order = hub.Optiply.Add(account, "buyOrders", new JsonObject
            {
                ["placed"] = "2024-01-02T09:00:00Z", ["supplierId"] = long.Parse(supplier, CultureInfo.InvariantCulture), ["totalValue"] = 0, ["assembly"] = assembly,
            });
            foreach (var (lineId, item, quantity) in lines)
            {
                var id = hub.Optiply.Add(account, "buyOrderLines", new JsonObject
                {
                    ["buyOrderId"] = long.Parse(order, CultureInfo.InvariantCulture), ["productId"] = products[item], ["quantity"] = quantity, ["subtotalValue"] = 0,
                });
                db.RecordLinks.Add(new RecordLink
                {
                    TenantId = tenant.Id, Entity = ReceiptLineSink.BuyOrderLineEntity,
                    SourceId = assembly ? "assembly:" + lineId : lineId, TargetId = id, UpdatedAt = DateTime.UtcNow,
                });
                linked[lineId] = id;
            }
        }
        await db.SaveChangesAsync();
        return linked;
    }

    /// <summary>Completed assembly orders of the main warehouse: receipts by the default options.</summary>
    private static int CompleteAssemblies(ExactOptiplyHub hub) =>
        hub.Rows(ExactDivision.AssemblyOrders).Count(a => (int)a["OrderStatus"]! == 50 && (int)a["Type"]! == 8060 && a.Id("Warehouse") == hub.MainWarehouse());

    private static async Task AssertNoFailuresAsync(ExactOptiplyHub hub, SyncRun run)
    {
        var failures = (await hub.LogAsync(run.Id)).Where(e => e.Outcome == Outcome.Failed).Select(e => $"{e.SourceKey}: {e.Message}");
        Assert.Empty(failures);
        Assert.Equal(RunStatus.Succeeded, run.Status);
    }

    private static DateTimeOffset Truncate(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, at.Offset);
}
