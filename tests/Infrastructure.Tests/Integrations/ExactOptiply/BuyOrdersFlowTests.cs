using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrders;
using static Koppel.Infrastructure.Tests.Integrations.ExactOptiply.BuyOrdersKit;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

public sealed class BuyOrdersFlowTests
{
    private const string Flow = BuyOrdersFlow.Key;
    private const string Division = ExactOptiplyHub.Division;

    private static bool Done(JsonObject po) => (int)po["OrderStatus"]! is 30 or 40 || (int)po["ReceiptStatus"]! is 30 or 40;

    private static string Id(JsonObject po) => po["PurchaseOrderID"]!.ToString().ToLowerInvariant();

    [Fact]
    public async Task Every_purchase_order_becomes_a_buy_order_with_its_lines_per_the_seed_table()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 80);
        await hub.MasterDataAsync();

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var suppliers = await hub.LinksAsync("supplier");
        var products = await hub.LinksAsync("product");
        var lineLinks = await hub.LinksAsync(BuyOrderReferences.LineEntity);
        var orders = hub.PurchaseOrders();
        Assert.Contains(orders, Done);
        Assert.Contains(orders, o => !Done(o));
        foreach (var po in orders)
        {
            var order = hub.OptiplyByRemoteId("buyOrders", Id(po));
            Assert.NotNull(order);
            Assert.Equal(Math.Round((decimal)(double)po["AmountDC"]!, 2), Money(order["totalValue"]));
            Assert.Equal(ExactDateOf(po["OrderDate"]), OptiplyDateOf(order["placed"]));
            Assert.Equal(ExactDateOf(po["ReceiptDate"]), OptiplyDateOf(order["expectedDeliveryDate"]));
            Assert.Equal(suppliers[po["Supplier"]!.ToString().ToLowerInvariant()], order["supplierId"]!.ToString());
            Assert.False((bool)order["assembly"]!);
            Assert.Equal(Done(po), order["completed"] is not null);

            var exactLines = hub.PurchaseOrderLines(Id(po));
            var optiplyLines = hub.OptiplyLinesOf(order["id"]!.ToString());
            Assert.Equal(exactLines.Count, optiplyLines.Count);
            foreach (var line in exactLines)
            {
                var lineId = line["ID"]!.ToString().ToLowerInvariant();
                var written = Assert.Single(optiplyLines, l => l["remoteIdMap"]?.AsObject().Any(p => p.Value?.ToString() == lineId) == true);
                Assert.Equal(products[line["Item"]!.ToString().ToLowerInvariant()], written["productId"]!.ToString());
                Assert.Equal((int)(double)line["Quantity"]!, (int)written["quantity"]!);
                Assert.Equal(Math.Round((decimal)(double)line["AmountDC"]!, 2), Money(written["subtotalValue"]));
                Assert.Equal(ExactDateOf(line["ReceiptDate"]), OptiplyDateOf(written["expectedDeliveryDate"]));
                // Receipt lines find Optiply's line through this link.
                Assert.Equal(written["id"]!.ToString(), lineLinks[lineId]);
            }
        }
    }

    [Fact]
    public async Task An_order_whose_receipt_is_complete_is_completed_and_keeps_its_completion_date_on_later_changes()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        await hub.MasterDataAsync();
        var open = hub.PurchaseOrders().First(o => (int)o["OrderStatus"]! == 10 && (int)o["ReceiptStatus"]! == 10);
        await hub.RunAsync(Flow);
        Assert.Null(hub.OptiplyByRemoteId("buyOrders", Id(open))!["completed"]);

        // Only the receipt status says complete: that is enough (OrderStatus or ReceiptStatus 30/40).
        hub.Exact.ChangePurchaseOrder(Division, Id(open), (header, _) => { header["OrderStatus"] = 20; header["ReceiptStatus"] = 30; });
        var completing = await hub.RunAsync(Flow);
        var completed = hub.OptiplyByRemoteId("buyOrders", Id(open))!["completed"]!.ToString();

        hub.Exact.ChangePurchaseOrder(Division, Id(open), (header, _) => header["ReceiptDate"] = ExactDate.Format(new DateTime(2024, 3, 1)));
        var later = await hub.RunAsync(Flow);

        // Assembly orders are read again too (they have no sync endpoint), but nothing else changes.
        Assert.Equal((0, 1), (completing.Created, completing.Updated));
        Assert.Equal((0, 1), (later.Created, later.Updated));
        var order = hub.OptiplyByRemoteId("buyOrders", Id(open))!;
        Assert.Equal(completed, order["completed"]!.ToString());
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), OptiplyDateOf(order["expectedDeliveryDate"]));
    }

    [Fact]
    public async Task Lines_added_changed_and_deleted_in_Exact_follow_on_the_existing_buy_order()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        await hub.MasterDataAsync();
        var po = hub.PurchaseOrders().First(o => !Done(o));
        var items = hub.Exact.Rows(Division, ExactDivision.Items);
        JsonObject NewLine(JsonObject header, JsonObject item, double quantity) => new()
        {
            ["Item"] = item["ID"]!.ToString(), ["ItemCode"] = item["Code"]!.ToString(), ["Quantity"] = quantity, ["QuantityInPurchaseUnits"] = quantity,
            ["AmountDC"] = quantity * 10, ["ReceiptDate"] = header["ReceiptDate"]!.DeepClone(),
        };
        // Two lines at least, so one can go (Exact never lets the last line go).
        hub.Exact.ChangePurchaseOrder(Division, Id(po), (header, lines) => lines.Add(NewLine(header, items[3], 4)));
        await hub.RunAsync(Flow);
        var before = hub.PurchaseOrderLines(Id(po));
        var changedId = before[0]["ID"]!.ToString().ToLowerInvariant();
        var deletedId = before[1]["ID"]!.ToString().ToLowerInvariant();
        var optiplyOrder = hub.OptiplyByRemoteId("buyOrders", Id(po))!["id"]!.ToString();

        hub.Exact.ChangePurchaseOrder(Division, Id(po), (header, lines) =>
        {
            lines[0]["Quantity"] = 99.0;
            lines[0]["AmountDC"] = 123.45;
            lines.RemoveAt(1);
            lines.Add(NewLine(header, items[5], 7));
        });
        var writes = hub.Optiply.Writes;
        var run = await hub.RunAsync(Flow);

        Assert.Equal((0, 1), (run.Created, run.Updated));
        // The header, the changed line, the new line and the deleted line: nothing else.
        Assert.Equal(4, hub.Optiply.Writes - writes);
        var lines = hub.OptiplyLinesOf(optiplyOrder);
        var after = hub.PurchaseOrderLines(Id(po));
        Assert.Equal(after.Count, lines.Count);
        JsonObject? Written(string id) => lines.SingleOrDefault(l => l["remoteIdMap"]?.AsObject().Any(p => p.Value?.ToString() == id) == true);
        Assert.Equal(99, (int)Written(changedId)!["quantity"]!);
        Assert.Equal(123.45m, Money(Written(changedId)!["subtotalValue"]));
        Assert.Null(Written(deletedId));
        var added = after[^1]["ID"]!.ToString().ToLowerInvariant();
        Assert.Equal(7, (int)Written(added)!["quantity"]!);
        var links = await hub.LinksAsync(BuyOrderReferences.LineEntity);
        Assert.False(links.ContainsKey(deletedId));
        Assert.Equal(Written(added)!["id"]!.ToString(), links[added]);
    }

    [Theory]
    [InlineData("main", false, true)]
    [InlineData("all", true, true)]
    [InlineData("subset", true, false)]
    public async Task Only_orders_of_the_chosen_warehouses_are_synced(string mode, bool shopOrderSynced, bool mainOrderSynced)
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        var shop = hub.ExactRow(ExactDivision.Warehouses, "Code", "2");
        await hub.SetSettingsAsync(new JsonObject
        {
            ["warehouses"] = new JsonObject { ["mode"] = mode, ["subset"] = mode == "subset" ? new JsonArray(shop["ID"]!.ToString()) : new JsonArray() },
        });
        await hub.MasterDataAsync();
        var orders = hub.PurchaseOrders();
        var inShop = orders[0];
        hub.Exact.ChangePurchaseOrder(Division, Id(inShop), (header, _) => { header["Warehouse"] = shop["ID"]!.ToString(); header["WarehouseCode"] = "2"; });

        await hub.RunAsync(Flow);

        Assert.Equal(shopOrderSynced, hub.OptiplyByRemoteId("buyOrders", Id(inShop)) is not null);
        Assert.Equal(mainOrderSynced, hub.OptiplyByRemoteId("buyOrders", Id(orders[1])) is not null);
    }

    [Fact]
    public async Task Assembly_orders_become_buy_orders_of_the_supplier_named_after_their_warehouse_code()
    {
        // 120 items make six assembly orders: every status, and one disassembly order.
        await using var hub = await ExactOptiplyHub.StartAsync(items: 120, settings: new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = "all" } });
        await hub.MasterDataAsync();

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var products = await hub.LinksAsync("product");
        var suppliers = hub.Optiply.Suppliers(ExactOptiplyHub.Account);
        var assemblies = hub.Exact.Rows(Division, ExactDivision.AssemblyOrders);
        Assert.Contains(assemblies, a => (int)a["OrderStatus"]! == 50);
        Assert.Contains(assemblies, a => (int)a["Type"]! == 8061);
        foreach (var assembly in assemblies)
        {
            var order = hub.OptiplyByRemoteId("buyOrders", assembly["ID"]!.ToString().ToLowerInvariant());
            if ((int)assembly["Type"]! == 8061)
            {
                // A disassembly order buys nothing.
                Assert.Null(order);
                continue;
            }
            Assert.NotNull(order);
            Assert.True((bool)order["assembly"]!);
            Assert.Equal(0m, Money(order["totalValue"]));
            var supplier = suppliers.Single(s => s["id"]!.ToString() == order["supplierId"]!.ToString());
            Assert.Equal(assembly["WarehouseCode"]!.ToString(), supplier["name"]!.ToString());
            Assert.Equal(ExactDateOf(assembly["OrderDate"]), OptiplyDateOf(order["placed"]));
            Assert.Equal(ExactDateOf(assembly["AssemblyDate"]), OptiplyDateOf(order["expectedDeliveryDate"]));
            Assert.Equal((int)assembly["OrderStatus"]! == 50, order["completed"] is not null);
            var line = Assert.Single(hub.OptiplyLinesOf(order["id"]!.ToString()));
            Assert.Equal(products[assembly["Item"]!.ToString().ToLowerInvariant()], line["productId"]!.ToString());
            Assert.Equal((int)(double)assembly["PlannedQuantity"]!, (int)line["quantity"]!);
            Assert.Equal(0m, Money(line["subtotalValue"]));
        }
    }

    [Fact]
    public async Task An_assembly_order_without_a_supplier_of_its_warehouse_code_fails_until_the_customer_creates_it()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 100, settings: new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = "all" } });
        await hub.MasterDataAsync(exceptSuppliers: "2");
        var inShop = hub.Exact.Rows(Division, ExactDivision.AssemblyOrders).Where(a => (string?)a["WarehouseCode"] == "2" && (int)a["Type"]! == 8060).ToList();
        Assert.NotEmpty(inShop);

        var first = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.CompletedWithErrors, first.Status);
        Assert.Equal(inShop.Count, first.Failed);
        var log = await hub.LogAsync(first.Id);
        foreach (var assembly in inShop)
        {
            var entry = log.Single(e => e.SourceKey == assembly["ID"]!.ToString().ToLowerInvariant());
            Assert.Equal(Outcome.Failed, entry.Outcome);
            Assert.Contains("Optiply has no supplier named \"2\"", entry.Message);
            Assert.Contains("create a supplier with that exact name in Optiply", entry.Message);
        }
        // The purchase orders and the assembly orders of warehouse 1 went on.
        Assert.All(hub.PurchaseOrders(), po => Assert.NotNull(hub.OptiplyByRemoteId("buyOrders", Id(po))));

        hub.Optiply.Add(ExactOptiplyHub.Account, "suppliers", new JsonObject { ["name"] = "2" });
        var second = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, second.Status);
        Assert.All(inShop, a => Assert.True((bool)hub.OptiplyByRemoteId("buyOrders", a["ID"]!.ToString().ToLowerInvariant())!["assembly"]!));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("2023-01-01", true)]
    public async Task Deleted_orders_are_deleted_in_Optiply_only_when_placed_on_or_after_the_deletions_start_date(string? since, bool oldOneDeleted)
    {
        var settings = since is null ? null : new JsonObject { ["buyOrders"] = new JsonObject { ["deletionsSince"] = since } };
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40, settings: settings);
        await hub.MasterDataAsync();
        var orders = hub.PurchaseOrders();
        var (old, recent) = (Id(orders[0]), Id(orders[1]));
        hub.Exact.ChangePurchaseOrder(Division, old, (header, _) => header["OrderDate"] = ExactDate.Format(new DateTime(2023, 6, 1)));
        hub.Exact.ChangePurchaseOrder(Division, recent, (header, _) => header["OrderDate"] = ExactDate.Format(new DateTime(2024, 1, 10)));
        await hub.RunAsync(Flow);
        var recentLines = hub.OptiplyLinesOf(hub.OptiplyByRemoteId("buyOrders", recent)!["id"]!.ToString());
        Assert.NotEmpty(recentLines);
        hub.Exact.Delete(Division, ExactDivision.PurchaseOrders, old);
        hub.Exact.Delete(Division, ExactDivision.PurchaseOrders, recent);

        var run = await hub.RunAsync(Flow);

        Assert.Null(hub.OptiplyByRemoteId("buyOrders", recent));
        // Optiply deletes the lines with their order.
        Assert.DoesNotContain(hub.Optiply.BuyOrderLines(ExactOptiplyHub.Account), l => recentLines.Any(r => r["id"]!.ToString() == l["id"]!.ToString()));
        Assert.Equal(oldOneDeleted, hub.OptiplyByRemoteId("buyOrders", old) is null);
        Assert.Equal(oldOneDeleted ? 2 : 1, run.Deleted);
        if (!oldOneDeleted)
        {
            var skipped = Assert.Single(await hub.LogAsync(run.Id), e => e.SourceKey == old);
            Assert.Equal(Outcome.Skipped, skipped.Outcome);
            Assert.Contains("placed on 2023-06-01, before 2023-11-20", skipped.Message);
        }
    }

    [Fact]
    public async Task An_old_order_deleted_in_Exact_and_left_alone_names_the_deletions_start_option_in_its_log_entry()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        await hub.MasterDataAsync();
        var old = Id(hub.PurchaseOrders()[0]);
        hub.Exact.ChangePurchaseOrder(Division, old, (header, _) => header["OrderDate"] = ExactDate.Format(new DateTime(2023, 6, 1)));
        await hub.RunAsync(Flow);
        hub.Exact.Delete(Division, ExactDivision.PurchaseOrders, old);

        var run = await hub.RunAsync(Flow);

        var skipped = Assert.Single(await hub.LogAsync(run.Id), e => e.SourceKey == old);
        Assert.Equal(Outcome.Skipped, skipped.Outcome);
        Assert.Equal("buyOrders.deletionsSince", skipped.Setting);
    }

    [Fact]
    public async Task A_second_run_without_changes_in_Exact_writes_nothing()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 60, settings: new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = "all" } });
        await hub.MasterDataAsync();
        await hub.RunAsync(Flow);
        var writes = hub.Optiply.Writes;

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal((0, 0, 0), (run.Created, run.Updated, run.Failed));
        Assert.Equal(writes, hub.Optiply.Writes);
    }

    [Fact]
    public async Task An_order_whose_product_is_not_in_Optiply_yet_fails_with_the_reason_and_is_tried_again()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        var po = hub.PurchaseOrders()[0];
        var code = hub.PurchaseOrderLines(Id(po))[0]["ItemCode"]!.ToString();
        await hub.SuppliersInOptiplyAsync();

        var first = await hub.RunAsync(Flow);

        var entry = Assert.Single(await hub.LogAsync(first.Id), e => e.SourceKey == Id(po));
        Assert.Equal(Outcome.Failed, entry.Outcome);
        Assert.Contains(code, entry.Message);
        Assert.Contains("not in Optiply yet", entry.Message);

        await hub.RunAsync(Koppel.Infrastructure.Integrations.ExactOptiply.Products.ProductsFlow.Key);
        await hub.RunAsync(Flow);

        Assert.NotNull(hub.OptiplyByRemoteId("buyOrders", Id(po)));
    }

    [Fact]
    public async Task Receipt_lines_find_the_buy_order_lines_this_flow_wrote()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 80, settings: new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = "all" } });
        await hub.MasterDataAsync();
        await hub.RunAsync(Flow);

        var receipts = await hub.RunAsync(Koppel.Infrastructure.Integrations.ExactOptiply.ReceiptLines.ReceiptLinesFlow.Key);

        Assert.Equal((RunStatus.Succeeded, 0), (receipts.Status, receipts.Failed));
        var lineLinks = await hub.LinksAsync(BuyOrderReferences.LineEntity);
        var goods = hub.Exact.Rows(Division, ExactDivision.GoodsReceiptLines);
        Assert.NotEmpty(goods);
        foreach (var receipt in goods)
        {
            var written = hub.OptiplyByRemoteId("receiptLines", receipt["ID"]!.ToString().ToLowerInvariant());
            Assert.NotNull(written);
            Assert.Equal(lineLinks[receipt["PurchaseOrderLineID"]!.ToString().ToLowerInvariant()], written["buyOrderLineId"]!.ToString());
        }
    }
}
