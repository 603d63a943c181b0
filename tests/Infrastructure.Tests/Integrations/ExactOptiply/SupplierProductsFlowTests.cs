using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply.SupplierProducts;
using Koppel.Infrastructure.Integrations.ExactOptiply.Suppliers;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

public sealed class SupplierProductsFlowTests
{
    private const string Flow = SupplierProductsFlow.Key;

    private static async Task<ExactOptiplyHub> SyncedAsync(JsonObject? settings = null, int items = 40)
    {
        var hub = await ExactOptiplyHub.StartAsync(items: items, settings: settings);
        await hub.RunAsync(ProductsFlow.Key);
        await hub.RunAsync(SuppliersFlow.Key);
        return hub;
    }

    private static List<JsonObject> SupplierItems(ExactOptiplyHub hub) => hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.SupplierItem).ToList();

    /// <summary>Supplier items whose supplier has a name (the nameless one is never an Optiply supplier).</summary>
    private static List<JsonObject> Syncable(ExactOptiplyHub hub)
    {
        var nameless = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Accounts).Where(a => a["Name"] is null).Select(a => a["ID"]!.ToString()).ToHashSet();
        return SupplierItems(hub).Where(s => !nameless.Contains(s["Supplier"]!.ToString())).ToList();
    }

    [Fact]
    public async Task Each_supplier_item_becomes_a_supplier_product_of_its_product_and_supplier_per_the_seed_table()
    {
        await using var hub = await SyncedAsync();

        var run = await hub.RunAsync(Flow);

        var syncable = Syncable(hub);
        Assert.Equal(syncable.Count, run.Created);
        foreach (var exact in syncable)
        {
            var item = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Items).Single(i => (string?)i["ID"] == (string?)exact["Item"]);
            var sp = hub.OptiplyByRemoteId("supplierProducts", exact["ID"]!.ToString())!;
            Assert.Equal((string?)item["Description"], (string?)sp["name"]);
            Assert.Equal((string?)exact["SupplierItemCode"], (string?)sp["skuCode"]);
            Assert.Equal(Math.Round((decimal)(double)exact["PurchasePrice"]!, 2), Money(sp["price"]));
            Assert.Equal("enabled", (string?)sp["status"]);
            Assert.Equal((string?)item["Barcode"], (string?)sp["eanCode"]);
            Assert.Equal(hub.OptiplyByRemoteId("products", exact["Item"]!.ToString())!["id"]!.ToString(), sp["productId"]!.ToString());
            Assert.Equal(hub.OptiplyByRemoteId("suppliers", exact["Supplier"]!.ToString())!["id"]!.ToString(), sp["supplierId"]!.ToString());
            Assert.Equal((bool)exact["MainSupplier"]!, (bool)sp["preferred"]!);
            // Off by default.
            Assert.Null(sp["lotSize"]);
            Assert.Null(sp["minimumPurchaseQuantity"]);
            Assert.Null(sp["deliveryTime"]);
        }
    }

    [Fact]
    public async Task Barcodes_are_read_in_bulk_not_once_per_supplier_item()
    {
        await using var hub = await SyncedAsync();
        var before = hub.Exact.CountRequests("Logistics/Items");

        await hub.RunAsync(Flow);

        var items = SupplierItems(hub).Select(s => s["Item"]!.ToString()).Distinct().Count();
        Assert.True(items > 20);
        Assert.Equal((int)Math.Ceiling(items / 40.0), hub.Exact.CountRequests("Logistics/Items") - before);
    }

    [Fact]
    public async Task A_supplier_item_whose_product_or_supplier_is_not_synced_yet_fails_with_the_reason_and_is_retried()
    {
        // Small: every failed record is read again one by one on the retry.
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12);
        await hub.RunAsync(SuppliersFlow.Key);

        var early = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.CompletedWithErrors, early.Status);
        Assert.Equal(Syncable(hub).Count, early.Failed);
        Assert.Empty(hub.Optiply.SupplierProducts(ExactOptiplyHub.Account));
        var first = Syncable(hub)[0];
        var entry = (await hub.LogAsync(early.Id)).Single(e => e.SourceKey == first["ID"]!.ToString());
        Assert.Contains($"Exact item {first["ItemCode"]}", entry.Message);
        Assert.Contains("not in Optiply yet", entry.Message);
        Assert.Contains("tried again on the next run", entry.Message);

        await hub.RunAsync(ProductsFlow.Key);
        var retry = await hub.RunAsync(Flow);

        Assert.Equal(Syncable(hub).Count, retry.Created);
    }

    [Fact]
    public async Task A_supplier_item_of_a_supplier_skipped_for_having_no_name_says_so_and_is_not_retried()
    {
        await using var hub = await SyncedAsync(items: 12);
        var nameless = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Accounts).Single(a => a["IsSupplier"]!.GetValue<bool>() && a["Name"] is null);
        var ofNameless = SupplierItems(hub).Count - Syncable(hub).Count;
        Assert.True(ofNameless > 0);

        var first = await hub.RunAsync(Flow);
        var second = await hub.RunAsync(Flow);

        Assert.Equal(0, first.Failed);
        Assert.Equal(ofNameless, first.Skipped);
        var code = nameless["Code"]!.ToString().Trim();
        var entries = (await hub.LogAsync(first.Id)).Where(e => e.Outcome == Outcome.Skipped).ToList();
        Assert.Equal(ofNameless, entries.Count);
        Assert.All(entries, e => Assert.Contains($"Exact supplier {code} is skipped by its own flow: Supplier {code} has no name in Exact Online.", e.Message));
        Assert.All(entries, e => Assert.DoesNotContain("not in Optiply yet", e.Message));
        // Nothing is read again for them: the second run has nothing to retry.
        Assert.Equal(0, second.Failed + second.Skipped + second.Created + second.Updated);
    }

    [Fact]
    public async Task With_the_lot_size_minimum_quantity_and_delivery_time_options_on_they_are_sent_and_the_price_is_per_item()
    {
        var settings = new JsonObject
        {
            ["supplierProducts"] = new JsonObject { ["mapLotSize"] = true, ["mapMinimumPurchaseQuantity"] = true, ["mapDeliveryTime"] = true },
        };
        await using var hub = await SyncedAsync(settings);

        await hub.RunAsync(Flow);

        var lots = Syncable(hub).Where(s => Number(s["PurchaseLotSize"]) > 1).ToList();
        Assert.NotEmpty(lots);
        foreach (var exact in Syncable(hub))
        {
            var sp = hub.OptiplyByRemoteId("supplierProducts", exact["ID"]!.ToString())!;
            var lot = (int)Number(exact["PurchaseLotSize"]);
            Assert.Equal(lot, (int)sp["lotSize"]!);
            Assert.Equal((int)Math.Ceiling(Number(exact["MinimumQuantity"])), (int)sp["minimumPurchaseQuantity"]!);
            Assert.Equal((int)Number(exact["PurchaseLeadTime"]), (int)sp["deliveryTime"]!);
            // "If using LOT": Exact's price is for the lot. Money rounds half away from zero (16.105 -> 16.11).
            Assert.Equal(Math.Round(Number(exact["PurchasePrice"]) / lot, 2, MidpointRounding.AwayFromZero), Money(sp["price"]));
        }
    }

    [Fact]
    public async Task With_the_preferred_option_off_the_main_supplier_is_not_sent()
    {
        await using var hub = await SyncedAsync(new JsonObject { ["supplierProducts"] = new JsonObject { ["mapPreferred"] = false } });

        var run = await hub.RunAsync(Flow);

        var main = Syncable(hub).First(s => (bool)s["MainSupplier"]!);
        Assert.NotEqual(true, (bool?)hub.OptiplyByRemoteId("supplierProducts", main["ID"]!.ToString())!["preferred"]);
        Assert.All((await hub.LogAsync(run.Id)).Where(e => e.Outcome == Outcome.Created), e => Assert.DoesNotContain("preferred", e.TargetPayload));
    }

    [Fact]
    public async Task A_supplier_item_deleted_in_Exact_is_disabled_in_Optiply()
    {
        await using var hub = await SyncedAsync();
        await hub.RunAsync(Flow);
        var gone = Syncable(hub)[0];
        hub.Exact.Delete(ExactOptiplyHub.Division, ExactDivision.SupplierItem, gone["ID"]!.ToString());

        var run = await hub.RunAsync(Flow);

        Assert.Equal(1, run.Deleted);
        Assert.Equal("disabled", (string?)hub.OptiplyByRemoteId("supplierProducts", gone["ID"]!.ToString())!["status"]);
    }

    [Fact]
    public async Task A_second_run_writes_nothing_and_one_changed_supplier_item_is_one_update()
    {
        await using var hub = await SyncedAsync();
        await hub.RunAsync(Flow);
        var writes = hub.Optiply.Writes;

        var quiet = await hub.RunAsync(Flow);

        Assert.Equal((0, 0), (quiet.Created, quiet.Updated));
        Assert.Equal(writes, hub.Optiply.Writes);

        var changed = Syncable(hub)[1];
        hub.Exact.Change(ExactOptiplyHub.Division, ExactDivision.SupplierItem, changed["ID"]!.ToString(), s => s["PurchasePrice"] = 12.34);
        var run = await hub.RunAsync(Flow);

        Assert.Equal((0, 1), (run.Created, run.Updated));
        Assert.Equal(writes + 1, hub.Optiply.Writes);
        Assert.Equal(12.34m, Money(hub.OptiplyByRemoteId("supplierProducts", changed["ID"]!.ToString())!["price"]));
    }

    private static decimal Number(JsonNode? value) => decimal.Parse(value!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal Money(JsonNode? value) => decimal.Parse(value!.ToString(), CultureInfo.InvariantCulture);
}
