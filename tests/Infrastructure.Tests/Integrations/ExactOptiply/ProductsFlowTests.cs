using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

public sealed class ProductsFlowTests
{
    private const string Flow = ProductsFlow.Key;

    [Fact]
    public async Task A_first_run_creates_every_Exact_item_in_Optiply_with_the_seed_table_fields()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var items = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Items);
        Assert.Equal(items.Count, run.Created);
        foreach (var item in items)
        {
            var product = hub.OptiplyByRemoteId("products", item["ID"]!.ToString());
            Assert.NotNull(product);
            Assert.Equal((string?)item["Description"], (string?)product["name"]);
            Assert.Equal((string?)item["Code"], (string?)product["skuCode"]);
            Assert.Equal((string?)item["SearchCode"], (string?)product["articleCode"]);
            Assert.Equal((string?)item["Barcode"], (string?)product["eanCode"]);
        }
    }

    [Fact]
    public async Task Price_is_the_newest_general_price_in_the_items_own_unit()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        hub.Exact.ChangePrice(ExactOptiplyHub.Division, "ART-00005", 49.95);
        var item = hub.ExactRow(ExactDivision.Items, "Code", "ART-00005");
        var prices = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.SalesItemPrices).Where(p => (string?)p["Item"] == (string?)item["ID"]).ToList();
        // The generated division gives items customer prices and prices in other units too: they must not win.
        Assert.Contains(hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.SalesItemPrices), p => p["Account"] is not null);
        Assert.Contains(hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.SalesItemPrices), p => (string?)p["Unit"] != (string?)p["DefaultItemUnit"]);
        Assert.Contains(prices, p => p["EndDate"] is not null);

        await hub.RunAsync(Flow);

        Assert.Equal(49.95m, Money(hub.OptiplyByRemoteId("products", item["ID"]!.ToString())!["price"]));
    }

    [Fact]
    public async Task Every_product_price_ignores_customer_prices_other_units_and_ended_prices()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 60);

        await hub.RunAsync(Flow);

        var allPrices = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.SalesItemPrices);
        foreach (var item in hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Items))
        {
            var expected = allPrices
                .Where(p => (string?)p["Item"] == (string?)item["ID"] && p["Account"] is null && p["EndDate"] is null && (string?)p["Unit"] == (string?)item["Unit"])
                .OrderByDescending(p => (string?)p["Modified"])
                .Select(p => (decimal?)Math.Round((decimal)(double)p["Price"]!, 2))
                .FirstOrDefault() ?? 0m;
            Assert.Equal(expected, Money(hub.OptiplyByRemoteId("products", item["ID"]!.ToString())!["price"]));
        }
    }

    [Theory]
    [InlineData("main", null, 17.0)]
    [InlineData("all", null, 17.0 + 5.0 + 3.0)]
    [InlineData("subset", "2", 5.0)]
    public async Task Stock_level_sums_the_chosen_warehouses(string mode, string? subsetCode, double expected)
    {
        await using var probe = await ExactOptiplyHub.StartAsync(items: 12);
        var subset = subsetCode is null ? new JsonArray() : new JsonArray(probe.ExactRow(ExactDivision.Warehouses, "Code", subsetCode)["ID"]!.ToString());
        await probe.SetSettingsAsync(new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = mode, ["subset"] = subset } });
        probe.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00003", "1", 17);
        probe.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00003", "2", 5);
        probe.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00003", "3", 3);

        await probe.RunAsync(Flow);

        var id = probe.ExactRow(ExactDivision.Items, "Code", "ART-00003")["ID"]!.ToString();
        Assert.Equal((decimal)expected, (decimal)probe.OptiplyByRemoteId("products", id)!["stockLevel"]!);
    }

    [Fact]
    public async Task With_stock_mapping_off_the_stock_level_is_not_sent()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12, settings: new JsonObject { ["products"] = new JsonObject { ["mapStockLevel"] = false } });
        hub.Exact.ChangeStock(ExactOptiplyHub.Division, "ART-00003", "1", 17);

        await hub.RunAsync(Flow);

        var id = hub.ExactRow(ExactDivision.Items, "Code", "ART-00003")["ID"]!.ToString();
        // Optiply requires a stock level on create: the sink sends its default 0 and never the Exact figure.
        Assert.Equal(0m, (decimal)hub.OptiplyByRemoteId("products", id)!["stockLevel"]!);
        var entry = (await hub.LogAsync()).First(e => e.SourceKey == id);
        Assert.DoesNotContain("stockLevel", entry.TargetPayload ?? "");
    }

    [Fact]
    public async Task Status_unlimited_stock_and_assembled_follow_the_item_flags()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 42);

        await hub.RunAsync(Flow);

        JsonObject Product(string code) => hub.OptiplyByRemoteId("products", hub.ExactRow(ExactDivision.Items, "Code", code)["ID"]!.ToString())!;
        // ART-00007: neither a purchase item nor made; ART-00042: made but not purchased; ART-00005: purchased.
        Assert.Equal("disabled", (string?)Product("ART-00007")["status"]);
        Assert.Equal("enabled", (string?)Product("ART-00042")["status"]);
        Assert.Equal("enabled", (string?)Product("ART-00005")["status"]);
        // ART-00013 is not a stock item (a service): it never runs out.
        Assert.True((bool)Product("ART-00013")["unlimitedStock"]!);
        Assert.False((bool)Product("ART-00005")["unlimitedStock"]!);
        // IsMakeItem is a 0/1 byte in Exact.
        Assert.True((bool)Product("ART-00006")["assembled"]!);
        Assert.False((bool)Product("ART-00005")["assembled"]!);
    }

    [Fact]
    public async Task With_status_mapping_off_a_disabled_item_stays_as_Optiply_has_it()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12, settings: new JsonObject { ["products"] = new JsonObject { ["mapStatus"] = false } });

        await hub.RunAsync(Flow);

        var id = hub.ExactRow(ExactDivision.Items, "Code", "ART-00007")["ID"]!.ToString();
        Assert.Equal("enabled", (string?)hub.OptiplyByRemoteId("products", id)!["status"]);
    }

    [Fact]
    public async Task Assembled_can_come_from_the_bills_of_material_instead_of_IsMakeItem()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 60, settings: new JsonObject { ["products"] = new JsonObject { ["assembledFrom"] = "compositions" } });
        // Take the bill of material away from one make item, so the two options really differ for it.
        var versions = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.BillOfMaterialVersions);
        var items = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Items);
        var makeItem = items.First(i => (int)i["IsMakeItem"]! == 1 && versions.Any(v => (string?)v["Item"] == (string?)i["ID"]));
        foreach (var version in versions.Where(v => (string?)v["Item"] == (string?)makeItem["ID"]))
            hub.Exact.Delete(ExactOptiplyHub.Division, ExactDivision.BillOfMaterialVersions, version["ID"]!.ToString());

        await hub.RunAsync(Flow);

        var composed = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.BillOfMaterialVersions).Select(v => v["Item"]!.ToString().ToLowerInvariant()).ToHashSet();
        Assert.NotEmpty(composed);
        Assert.False((bool)hub.OptiplyByRemoteId("products", makeItem["ID"]!.ToString())!["assembled"]!);
        foreach (var item in items)
        {
            var id = item["ID"]!.ToString().ToLowerInvariant();
            Assert.Equal(composed.Contains(id), (bool)hub.OptiplyByRemoteId("products", id)!["assembled"]!);
        }
    }

    [Fact]
    public async Task A_second_run_without_changes_writes_nothing_and_reads_one_page_per_endpoint()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        await hub.RunAsync(Flow);
        var before = hub.Exact.CountRequests("/api/v1/");
        var optiplyWrites = hub.Optiply.Writes;

        var run = await hub.RunAsync(Flow);

        Assert.Equal((0, 0, 0), (run.Read, run.Created, run.Updated));
        // Items, SalesItemPrices, ItemWarehouses and Deleted: one sync page each, no regular reads.
        Assert.Equal(4, hub.Exact.CountRequests("/api/v1/") - before);
        Assert.Equal(optiplyWrites, hub.Optiply.Writes);
    }

    [Fact]
    public async Task Changing_one_item_in_Exact_updates_exactly_that_product()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        await hub.RunAsync(Flow);
        hub.Exact.ChangeItem(ExactOptiplyHub.Division, "ART-00012", i => i["Description"] = "Oak chair, renamed");

        var run = await hub.RunAsync(Flow);

        Assert.Equal((1, 0, 1), (run.Read, run.Created, run.Updated));
        var id = hub.ExactRow(ExactDivision.Items, "Code", "ART-00012")["ID"]!.ToString();
        Assert.Equal("Oak chair, renamed", (string?)hub.OptiplyByRemoteId("products", id)!["name"]);
    }

    [Fact]
    public async Task An_item_deleted_in_Exact_is_kept_in_Optiply_with_status_disabled()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 20);
        await hub.RunAsync(Flow);
        var id = hub.ExactRow(ExactDivision.Items, "Code", "ART-00004")["ID"]!.ToString();
        Assert.NotNull(hub.OptiplyByRemoteId("products", id));
        var productsBefore = hub.Optiply.Records(ExactOptiplyHub.Account, "products").Count();
        hub.Exact.DeleteItem(ExactOptiplyHub.Division, "ART-00004");

        var run = await hub.RunAsync(Flow);

        Assert.Equal(1, run.Deleted);
        var kept = hub.OptiplyByRemoteId("products", id);
        Assert.NotNull(kept);
        Assert.Equal("disabled", (string?)kept["status"]);
        Assert.Equal(productsBefore, hub.Optiply.Records(ExactOptiplyHub.Account, "products").Count());
    }

    private static decimal Money(JsonNode? value) => decimal.Parse(value!.ToString(), CultureInfo.InvariantCulture);

}
