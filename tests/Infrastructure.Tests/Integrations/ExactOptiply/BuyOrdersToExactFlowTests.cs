using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrders;
using Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrdersToExact;
using Koppel.Infrastructure.Tests.Connectors.ExactOnline;
using static Koppel.Infrastructure.Tests.Integrations.ExactOptiply.BuyOrdersKit;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

public sealed class BuyOrdersToExactFlowTests
{
    private const string Flow = BuyOrdersToExactFlow.Key;
    private const string Division = ExactOptiplyHub.Division;
    // A Friday morning: the next working day is Monday the 23rd.
    private static readonly DateTimeOffset SyncTime = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private sealed record Setup(ExactOptiplyHub Hub, string ExactSupplier, string OptiplySupplier, List<JsonObject> Items, Dictionary<string, string> Products);

    private static async Task<Setup> StartAsync(JsonObject? settings = null, int? deliveryTime = null)
    {
        var hub = await ExactOptiplyHub.StartAsync(items: 40, settings: settings, clock: new ManualClock(SyncTime));
        await hub.MasterDataAsync(deliveryTime);
        var suppliers = await hub.LinksAsync("supplier");
        var supplier = hub.Exact.Rows(Division, ExactDivision.Accounts).First(a => a["IsSupplier"]?.GetValue<bool>() == true && a["Name"] is not null);
        var exactSupplier = supplier["ID"]!.ToString().ToLowerInvariant();
        var items = hub.Exact.Rows(Division, ExactDivision.Items).ToList();
        return new Setup(hub, exactSupplier, suppliers[exactSupplier], items, await hub.LinksAsync("product"));
    }

    /// <summary>A buy order made in Optiply (no remote id): lines in the order given, which is not SKU order.</summary>
    private static string NewOptiplyOrder(Setup s, params (string Code, int Quantity)[] lines) =>
        s.Hub.Optiply.Add(ExactOptiplyHub.Account, "buyOrders", new JsonObject
        {
            ["placed"] = "2026-11-19T08:30:00Z",
            ["supplierId"] = long.Parse(s.OptiplySupplier),
            ["totalValue"] = 0,
            ["orderLines"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
            {
                ["productId"] = long.Parse(s.Products[Item(s, l.Code)]), ["quantity"] = l.Quantity, ["subtotalValue"] = 0,
            }).ToArray()),
        });

    private static string Item(Setup s, string code) => s.Items.Single(i => (string?)i["Code"] == code)["ID"]!.ToString().ToLowerInvariant();

    private static JsonObject ExactOrderOf(Setup s, string optiplyId) =>
        Assert.Single(s.Hub.PurchaseOrders(), o => o["OrderNumber"]!.ToString() == optiplyId);

    [Fact]
    public async Task A_new_Optiply_buy_order_becomes_an_Exact_purchase_order_with_lines_by_SKU_and_the_ids_written_back()
    {
        var s = await StartAsync(deliveryTime: 3);
        await using var hub = s.Hub;
        var optiplyId = NewOptiplyOrder(s, ("ART-00009", 5), ("ART-00002", 8), ("ART-00004", 1));

        var run = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Created));
        var order = ExactOrderOf(s, optiplyId);
        Assert.Equal(s.ExactSupplier, order["Supplier"]!.ToString().ToLowerInvariant());
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 8, 30, 0, TimeSpan.Zero), ExactDateOf(order["OrderDate"]));
        // Sync time + the supplier's 3 days of delivery time.
        Assert.Equal(new DateOnly(2026, 11, 23), DateOnly.FromDateTime(ExactDateOf(order["ReceiptDate"]).DateTime));
        var lines = hub.PurchaseOrderLines(order["PurchaseOrderID"]!.ToString());
        Assert.Equal(["ART-00002", "ART-00004", "ART-00009"], lines.Select(l => l["ItemCode"]!.ToString()));
        Assert.Equal([8.0, 1.0, 5.0], lines.Select(l => (double)l["QuantityInPurchaseUnits"]!));

        // Exact's ids are Optiply's remote ids now, and linked for the buy-orders flow and receipt lines.
        var exactId = order["PurchaseOrderID"]!.ToString().ToLowerInvariant();
        var buyOrder = hub.Optiply.BuyOrders(ExactOptiplyHub.Account).Single(o => o["id"]!.ToString() == optiplyId);
        Assert.Equal(exactId, buyOrder["remoteIdMap"]![OptiplyDemoLogin.CouplingId]!.ToString());
        var lineLinks = await hub.LinksAsync(BuyOrderReferences.LineEntity);
        foreach (var line in hub.OptiplyLinesOf(optiplyId))
        {
            var exactLine = lines.Single(l => s.Products[l["Item"]!.ToString().ToLowerInvariant()] == line["productId"]!.ToString());
            var lineId = exactLine["ID"]!.ToString().ToLowerInvariant();
            Assert.Equal(lineId, line["remoteIdMap"]![OptiplyDemoLogin.CouplingId]!.ToString());
            Assert.Equal(line["id"]!.ToString(), lineLinks[lineId]);
        }
        Assert.Equal(optiplyId, (await hub.LinksAsync(BuyOrderReferences.OrderEntity))[exactId]);
    }

    [Fact]
    public async Task A_sent_order_is_never_sent_again_nor_imported_back_as_a_second_buy_order()
    {
        var s = await StartAsync();
        await using var hub = s.Hub;
        var optiplyId = NewOptiplyOrder(s, ("ART-00003", 4));
        await hub.RunAsync(Flow);
        var exactOrders = hub.PurchaseOrders().Count;

        var again = await hub.RunAsync(Flow);
        var import = await hub.RunAsync(BuyOrdersFlow.Key);

        Assert.Equal((0, 0), (again.Read, again.Created));
        Assert.Equal(exactOrders, hub.PurchaseOrders().Count);
        // The import finds the order through the links the export wrote: it updates it with Exact's figures.
        Assert.Equal(RunStatus.Succeeded, import.Status);
        var exact = ExactOrderOf(s, optiplyId);
        var buyOrder = hub.Optiply.BuyOrders(ExactOptiplyHub.Account).Single(o => o["id"]!.ToString() == optiplyId);
        Assert.Equal(Math.Round((decimal)(double)exact["AmountDC"]!, 2), Money(buyOrder["totalValue"]));
        Assert.Single(hub.Optiply.BuyOrders(ExactOptiplyHub.Account),
            o => o["remoteIdMap"]?[OptiplyDemoLogin.CouplingId]?.ToString() == exact["PurchaseOrderID"]!.ToString().ToLowerInvariant());
        Assert.Single(hub.OptiplyLinesOf(optiplyId));
    }

    [Theory]
    [InlineData(null, "nextWorkingDay", 2026, 11, 23)]
    [InlineData(null, "syncTime", 2026, 11, 20)]
    [InlineData(10, "syncTime", 2026, 11, 30)]
    public async Task The_receipt_date_is_the_sync_time_plus_the_delivery_time_or_per_the_option_without_one(int? deliveryTime, string option, int year, int month, int day)
    {
        var s = await StartAsync(new JsonObject { ["buyOrders"] = new JsonObject { ["receiptDateWithoutDeliveryTime"] = option } }, deliveryTime);
        await using var hub = s.Hub;
        var optiplyId = NewOptiplyOrder(s, ("ART-00003", 4));

        await hub.RunAsync(Flow);

        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(ExactDateOf(ExactOrderOf(s, optiplyId)["ReceiptDate"]).DateTime));
    }

    [Theory]
    [InlineData(true, 2.0)]
    [InlineData(false, 12.0)]
    public async Task With_lots_the_quantity_goes_to_Exact_in_purchase_units(bool useLot, double expected)
    {
        var s = await StartAsync(new JsonObject { ["buyOrders"] = new JsonObject { ["useLot"] = useLot } });
        await using var hub = s.Hub;
        hub.Optiply.Add(ExactOptiplyHub.Account, "supplierProducts", new JsonObject
        {
            ["name"] = "Lot of six", ["productId"] = long.Parse(s.Products[Item(s, "ART-00006")]), ["supplierId"] = long.Parse(s.OptiplySupplier), ["lotSize"] = 6,
        });
        var optiplyId = NewOptiplyOrder(s, ("ART-00006", 12));

        await hub.RunAsync(Flow);

        var line = Assert.Single(hub.PurchaseOrderLines(ExactOrderOf(s, optiplyId)["PurchaseOrderID"]!.ToString()));
        Assert.Equal(expected, (double)line["QuantityInPurchaseUnits"]!);
    }

    [Fact]
    public async Task After_a_crash_between_the_post_and_the_write_back_the_order_is_found_in_Exact_and_not_posted_again()
    {
        var s = await StartAsync();
        await using var hub = s.Hub;
        var optiplyId = NewOptiplyOrder(s, ("ART-00003", 4));
        // What an earlier run left behind: the order in Exact, nothing written back to Optiply.
        var division = hub.Exact.Division(Division);
        lock (division.Lock)
        {
            var (_, error) = ExactPurchaseOrderPost.Create(division, new JsonObject
            {
                ["OrderNumber"] = long.Parse(optiplyId), ["Supplier"] = s.ExactSupplier, ["OrderDate"] = "2026-11-19",
                ["PurchaseOrderLines"] = new JsonArray(new JsonObject { ["Item"] = Item(s, "ART-00003"), ["QuantityInPurchaseUnits"] = 4 }),
            }, SyncTime);
            Assert.Null(error);
        }

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var order = ExactOrderOf(s, optiplyId);
        var buyOrder = hub.Optiply.BuyOrders(ExactOptiplyHub.Account).Single(o => o["id"]!.ToString() == optiplyId);
        Assert.Equal(order["PurchaseOrderID"]!.ToString().ToLowerInvariant(), buyOrder["remoteIdMap"]![OptiplyDemoLogin.CouplingId]!.ToString());
        Assert.Equal(0, hub.Exact.CountRequests("POST "));
    }

    [Fact]
    public async Task An_import_before_the_write_back_waits_instead_of_doubling_the_buy_order()
    {
        var s = await StartAsync();
        await using var hub = s.Hub;
        var optiplyId = NewOptiplyOrder(s, ("ART-00003", 4));
        var division = hub.Exact.Division(Division);
        lock (division.Lock)
            ExactPurchaseOrderPost.Create(division, new JsonObject
            {
                ["OrderNumber"] = long.Parse(optiplyId), ["Supplier"] = s.ExactSupplier, ["OrderDate"] = "2026-11-19",
                ["PurchaseOrderLines"] = new JsonArray(new JsonObject { ["Item"] = Item(s, "ART-00003"), ["QuantityInPurchaseUnits"] = 4 }),
            }, SyncTime);
        var exactId = ExactOrderOf(s, optiplyId)["PurchaseOrderID"]!.ToString().ToLowerInvariant();

        var early = await hub.RunAsync(BuyOrdersFlow.Key);
        await hub.RunAsync(Flow);
        var later = await hub.RunAsync(BuyOrdersFlow.Key);

        var waited = Assert.Single(await hub.LogAsync(early.Id), e => e.SourceKey == exactId);
        Assert.Equal(Outcome.Failed, waited.Outcome);
        Assert.Contains($"created from Optiply buy order {optiplyId}", waited.Message);
        Assert.Equal(RunStatus.Succeeded, later.Status);
        var buyOrder = Assert.Single(hub.Optiply.BuyOrders(ExactOptiplyHub.Account), o => o["remoteIdMap"]?[OptiplyDemoLogin.CouplingId]?.ToString() == exactId);
        Assert.Equal(optiplyId, buyOrder["id"]!.ToString());
        Assert.Single(hub.OptiplyLinesOf(optiplyId));
    }

    [Fact]
    public async Task With_the_option_off_no_buy_order_is_sent_to_Exact()
    {
        var s = await StartAsync(new JsonObject { ["buyOrders"] = new JsonObject { ["toExact"] = false } });
        await using var hub = s.Hub;
        var optiplyId = NewOptiplyOrder(s, ("ART-00003", 4));

        var run = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.Succeeded, 0), (run.Status, run.Read));
        Assert.DoesNotContain(hub.PurchaseOrders(), o => o["OrderNumber"]!.ToString() == optiplyId);
    }

    [Fact]
    public async Task Buy_orders_imported_from_Exact_are_not_sent_back()
    {
        var s = await StartAsync();
        await using var hub = s.Hub;
        await hub.RunAsync(BuyOrdersFlow.Key);
        Assert.NotEmpty(hub.Optiply.BuyOrders(ExactOptiplyHub.Account));
        var exactOrders = hub.PurchaseOrders().Count;

        var run = await hub.RunAsync(Flow);

        Assert.Equal((0, 0), (run.Read, run.Created));
        Assert.Equal(exactOrders, hub.PurchaseOrders().Count);
    }

    [Fact]
    public async Task An_order_of_a_supplier_not_from_Exact_fails_with_the_reason()
    {
        var s = await StartAsync();
        await using var hub = s.Hub;
        var stranger = hub.Optiply.Add(ExactOptiplyHub.Account, "suppliers", new JsonObject { ["name"] = "Made in Optiply" });
        var optiplyId = hub.Optiply.Add(ExactOptiplyHub.Account, "buyOrders", new JsonObject
        {
            ["placed"] = "2026-11-19T08:30:00Z", ["supplierId"] = long.Parse(stranger), ["totalValue"] = 0,
            ["orderLines"] = new JsonArray(new JsonObject { ["productId"] = long.Parse(s.Products[Item(s, "ART-00003")]), ["quantity"] = 1, ["subtotalValue"] = 0 }),
        });

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.CompletedWithErrors, run.Status);
        var entry = Assert.Single(await hub.LogAsync(run.Id), e => e.SourceKey == optiplyId);
        Assert.Contains("\"Made in Optiply\"", entry.Message);
        Assert.Contains("not linked to an Exact Online supplier", entry.Message);
        Assert.DoesNotContain(hub.PurchaseOrders(), o => o["OrderNumber"]!.ToString() == optiplyId);
    }
}
