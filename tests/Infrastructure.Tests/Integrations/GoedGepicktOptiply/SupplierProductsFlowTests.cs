using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

public sealed class SupplierProductsFlowTests
{
    [Fact]
    public async Task A_products_supplier_becomes_an_Optiply_supplier_product_with_code_price_and_lot_size()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var supplier = hub.Supplier("Koffie BV");
        var product = hub.Product("GG-1", supplier, orderInMultiplesOf: 12);
        hub.Product("GG-2", supplier: null);

        await hub.NightlyAsync();

        var productId = (string)hub.OptiplyByRemoteId("products", product["uuid"]!.ToString())!["id"]!;
        var supplierId = (string)hub.OptiplyByRemoteId("suppliers", supplier["uuid"]!.ToString())!["id"]!;
        var written = Assert.Single(hub.Optiply.SupplierProducts(GoedGepicktOptiplyHub.Account));
        Assert.Equal($"{product["uuid"]}:{supplier["uuid"]}", (string?)written["remoteIdMap"]!["1"]);
        Assert.Equal(productId, written["productId"]!.ToString());
        Assert.Equal(supplierId, written["supplierId"]!.ToString());
        Assert.Equal("S-GG-1", (string?)written["skuCode"]);
        Assert.Equal("4.25", (string?)written["price"]);
        Assert.Equal(12, (int)written["lotSize"]!);
    }

    [Fact]
    public async Task When_the_supplier_changes_the_old_supplier_product_is_removed_and_the_new_one_created()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var first = hub.Supplier("Koffie BV");
        var second = hub.Supplier("Bonen BV");
        var product = hub.Product("GG-1", first);
        await hub.NightlyAsync();
        var uuid = product["uuid"]!.ToString();

        hub.GoedGepickt.ChangeProduct(GoedGepicktOptiplyHub.GgAccount, uuid, p =>
            p["supplier"] = new System.Text.Json.Nodes.JsonObject { ["uuid"] = second["uuid"]!.ToString(), ["name"] = "Bonen BV", ["supplierSku"] = "B-77" });
        var run = await hub.RunAsync("supplier-products");

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal((1, 1), (run.Created, run.Deleted));
        var now = Assert.Single(hub.Optiply.SupplierProducts(GoedGepicktOptiplyHub.Account));
        Assert.Equal($"{uuid}:{second["uuid"]}", (string?)now["remoteIdMap"]!["1"]);
        Assert.Equal("B-77", (string?)now["skuCode"]);
    }

    [Fact]
    public async Task A_second_nightly_run_without_changes_writes_nothing_and_one_changed_product_writes_one_update()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var supplier = hub.Supplier("Koffie BV");
        for (var i = 1; i <= 4; i++) hub.Product($"GG-{i}", supplier);
        await hub.NightlyAsync();
        var writes = hub.Optiply.Writes;

        await hub.NightlyAsync();
        Assert.Equal(writes, hub.Optiply.Writes);

        var changed = hub.GoedGepickt.Products(GoedGepicktOptiplyHub.GgAccount).Single(p => (string?)p["sku"] == "GG-2");
        hub.GoedGepickt.ChangeProduct(GoedGepicktOptiplyHub.GgAccount, changed["uuid"]!.ToString(), p => p["price"] = "13.75");
        await hub.NightlyAsync();

        Assert.Equal(writes + 1, hub.Optiply.Writes);
        Assert.Equal("13.75", (string?)hub.OptiplyByRemoteId("products", changed["uuid"]!.ToString())!["price"]);
    }
}
