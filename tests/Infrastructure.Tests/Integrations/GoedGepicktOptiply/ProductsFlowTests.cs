using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

public sealed class ProductsFlowTests
{
    [Fact]
    public async Task The_nightly_run_creates_every_product_with_the_seeds_fields()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var kept = hub.Product("GG-1", freeStock: -3, price: "19.95", purchasable: false);
        var plain = hub.Product("GG-2", freeStock: 40);

        var run = await hub.RunAsync("products");

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Created);
        var product = hub.OptiplyByRemoteId("products", kept["uuid"]!.ToString())!;
        Assert.Equal("Product GG-1", (string?)product["name"]);
        Assert.Equal("GG-1", (string?)product["skuCode"]);
        Assert.Equal(19.95m, decimal.Parse((string)product["price"]!, CultureInfo.InvariantCulture));
        Assert.Equal(-3, (int)product["stockLevel"]!);
        Assert.True((bool)product["notBeingBought"]!);
        Assert.False((bool)product["unlimitedStock"]!);
        Assert.Equal("enabled", (string?)product["status"]);
        Assert.False((bool)hub.OptiplyByRemoteId("products", plain["uuid"]!.ToString())!["notBeingBought"]!);
    }

    [Fact]
    public async Task A_second_run_without_changes_writes_nothing_and_one_change_writes_one_update()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        for (var i = 1; i <= 5; i++) hub.Product($"GG-{i}");
        await hub.RunAsync("products");
        var writes = hub.Optiply.Writes;

        var again = await hub.RunAsync("products");
        Assert.Equal(writes, hub.Optiply.Writes);
        Assert.Equal(5, again.Unchanged);

        var changed = hub.GoedGepickt.Products(GoedGepicktOptiplyHub.GgAccount).Single(p => (string?)p["sku"] == "GG-3");
        hub.GoedGepickt.ChangeProduct(GoedGepicktOptiplyHub.GgAccount, changed["uuid"]!.ToString(), p => p["name"] = "Renamed");
        var third = await hub.RunAsync("products");

        Assert.Equal(1, third.Updated);
        Assert.Equal(writes + 1, hub.Optiply.Writes);
        Assert.Equal("Renamed", (string?)hub.OptiplyByRemoteId("products", changed["uuid"]!.ToString())!["name"]);
    }

    [Fact]
    public async Task A_product_deleted_in_GoedGepickt_stays_in_Optiply_as_disabled()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var gone = hub.Product("GG-1");
        hub.Product("GG-2");
        await hub.RunAsync("products");

        hub.GoedGepickt.DeleteProduct(GoedGepicktOptiplyHub.GgAccount, gone["uuid"]!.ToString());
        var run = await hub.RunAsync("products");

        Assert.Equal(1, run.Deleted);
        var product = hub.OptiplyByRemoteId("products", gone["uuid"]!.ToString());
        Assert.NotNull(product);
        Assert.Equal("disabled", (string?)product["status"]);
        Assert.Equal(2, hub.Optiply.Products(GoedGepicktOptiplyHub.Account).Count);
        var writes = hub.Optiply.Writes;
        await hub.RunAsync("products");
        Assert.Equal(writes, hub.Optiply.Writes);
    }

    [Fact]
    public async Task A_product_flagged_ignore_for_Optiply_is_not_created_and_no_longer_updated()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var ignored = hub.Product("GG-1", ignore: true);
        var later = hub.Product("GG-2");
        var first = await hub.RunAsync("products");

        Assert.Null(hub.OptiplyByRemoteId("products", ignored["uuid"]!.ToString()));
        var entry = Assert.Single(await hub.LogAsync(first.Id), e => e.Outcome == Outcome.Skipped);
        Assert.Contains("ignore for Optiply", entry.Message);

        var uuid = later["uuid"]!.ToString();
        hub.GoedGepickt.ChangeProduct(GoedGepicktOptiplyHub.GgAccount, uuid, p => { p["ignoreForOptiply"] = true; p["name"] = "Changed"; });
        await hub.RunAsync("products");

        var product = hub.OptiplyByRemoteId("products", uuid)!;
        Assert.Equal("Product GG-2", (string?)product["name"]);
        Assert.Equal("enabled", (string?)product["status"]);
    }

    [Fact]
    public async Task A_fulfilment_account_syncs_only_its_customers_products_and_no_suppliers()
    {
        const string mine = "0f3c1a52-1111-4c3e-9a51-000000000001";
        const string other = "0f3c1a52-2222-4c3e-9a51-000000000002";
        await using var hub = await GoedGepicktOptiplyHub.StartAsync(fulfilmentCustomer: mine);
        var supplier = hub.Supplier("Koffie BV");
        var own = hub.Product("OWN-1", supplier, customer: mine);
        hub.Product("OTHER-1", supplier, customer: other);
        hub.Product("OTHER-2", supplier, customer: other);

        await hub.NightlyAsync();

        var products = hub.Optiply.Products(GoedGepicktOptiplyHub.Account);
        var only = Assert.Single(products);
        Assert.Equal(own["uuid"]!.ToString(), (string?)only["remoteIdMap"]!["1"]);
        Assert.Empty(hub.Optiply.Suppliers(GoedGepicktOptiplyHub.Account));
        Assert.Empty(hub.Optiply.SupplierProducts(GoedGepicktOptiplyHub.Account));
        Assert.Contains(hub.GoedGepickt.Requests, r => r.StartsWith("GET /sandbox/goedgepickt/api/v1/products?", StringComparison.Ordinal) && r.Contains($"fulfilmentCustomerUuid={mine}"));
    }
}
