using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply.Stocks;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

public sealed class StocksFlowTests
{
    private const string Flow = StocksFlow.Key;

    private static decimal StockLevel(ExactOptiplyHub hub, string code) =>
        (decimal)hub.OptiplyByRemoteId("products", hub.ExactRow(ExactDivision.Items, "Code", code)["ID"]!.ToString())!["stockLevel"]!;

    [Fact]
    public async Task A_change_of_one_warehouse_row_patches_exactly_one_product_with_the_new_total_and_then_nothing()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 30);
        await hub.RunAsync(ProductsFlow.Key);
        await hub.RunAsync(Flow);
        var writes = hub.Optiply.Writes;
        var productsBefore = hub.Optiply.Products(ExactOptiplyHub.Account).ToDictionary(p => p["id"]!.ToString(), p => p.ToJsonString());

        hub.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00004", "1", 123);
        var run = await hub.RunAsync(Flow);

        Assert.Equal((1, 0, 1), (run.Read, run.Created, run.Updated));
        Assert.Equal(writes + 1, hub.Optiply.Writes);
        Assert.Equal(123m, StockLevel(hub, "ART-00004"));
        var id = hub.OptiplyByRemoteId("products", hub.ExactRow(ExactDivision.Items, "Code", "ART-00004")["ID"]!.ToString())!["id"]!.ToString();
        // Only the stock level changed; the product keeps everything else the products flow wrote (its remote id too).
        foreach (var product in hub.Optiply.Products(ExactOptiplyHub.Account).Where(p => p["id"]!.ToString() != id))
            Assert.Equal(productsBefore[product["id"]!.ToString()], product.ToJsonString());

        var reads = hub.Exact.CountRequests("/api/v1/");
        var quiet = await hub.RunAsync(Flow);

        Assert.Equal((0, 0), (quiet.Read, quiet.Updated));
        Assert.Equal(writes + 1, hub.Optiply.Writes);
        // One page of the ItemWarehouses sync endpoint, nothing else.
        Assert.Equal(1, hub.Exact.CountRequests("/api/v1/") - reads);
    }

    [Fact]
    public async Task With_stock_mapping_off_the_stocks_flow_writes_nothing()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12, settings: new JsonObject { ["products"] = new JsonObject { ["mapStockLevel"] = false } });
        await hub.RunAsync(ProductsFlow.Key);
        var writes = hub.Optiply.Writes;
        hub.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00004", "1", 123);

        var run = await hub.RunAsync(Flow);

        Assert.Equal(0, run.Updated);
        Assert.Equal(writes, hub.Optiply.Writes);
        Assert.Equal(0m, StockLevel(hub, "ART-00004"));
    }

    [Fact]
    public async Task The_stock_flow_does_not_make_the_products_flow_see_changes()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 20);
        await hub.RunAsync(ProductsFlow.Key);
        await hub.RunAsync(Flow);
        var writes = hub.Optiply.Writes;

        var products = await hub.RunAsync(ProductsFlow.Key);

        Assert.Equal((0, 0), (products.Created, products.Updated));
        Assert.Equal(writes, hub.Optiply.Writes);
    }

    [Theory]
    [InlineData("main", null, 17.0)]
    [InlineData("all", null, 17.0 + 5.0 + 3.0)]
    [InlineData("subset", "2", 5.0)]
    public async Task Stock_level_sums_the_chosen_warehouses(string mode, string? subsetCode, double expected)
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12);
        var subset = subsetCode is null ? new JsonArray() : new JsonArray(hub.ExactRow(ExactDivision.Warehouses, "Code", subsetCode)["ID"]!.ToString());
        await hub.SetSettingsAsync(new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = mode, ["subset"] = subset } });
        await hub.RunAsync(ProductsFlow.Key);
        await hub.RunAsync(Flow);
        hub.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00003", "1", 17);
        hub.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00003", "2", 5);
        hub.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00003", "3", 3);

        var run = await hub.RunAsync(Flow);

        Assert.Equal(1, run.Read);
        Assert.Equal((decimal)expected, StockLevel(hub, "ART-00003"));
    }

    [Fact]
    public async Task Main_warehouse_can_be_named_in_the_settings_instead_of_the_one_Exact_marks()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12);
        var shop = hub.ExactRow(ExactDivision.Warehouses, "Code", "2")["ID"]!.ToString();
        await hub.SetSettingsAsync(new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = "main", ["mainWarehouseId"] = shop } });
        await hub.RunAsync(ProductsFlow.Key);
        hub.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00005", "1", 40);
        hub.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00005", "2", 9);

        await hub.RunAsync(Flow);

        Assert.Equal(9m, StockLevel(hub, "ART-00005"));
    }

    [Fact]
    public async Task Stock_of_an_item_not_yet_in_Optiply_is_skipped_with_a_note_and_nothing_is_written()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12);

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(0, hub.Optiply.Writes);
        Assert.Equal(run.Read, run.Skipped);
        var entry = (await hub.LogAsync(run.Id)).First(e => e.Outcome == Outcome.Skipped);
        Assert.Contains("is not in Optiply yet", entry.Message);
        Assert.Contains("Exact item ART-", entry.Message);
    }
}
