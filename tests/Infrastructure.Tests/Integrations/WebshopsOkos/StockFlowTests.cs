using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.WebshopsOkos;

/// <summary>The stock flow (ERP -> webshop, from the ERP's change feed), per webshop, against the three emulators.</summary>
public sealed class StockFlowTests
{
    /// <summary>Kerti szék in both shops at 0 and in the ERP with 10 free in warehouse 1 and 5 in warehouse 2.</summary>
    private static async Task<WebshopsHub> StartAsync(Action<JsonObject>? webshops = null)
    {
        var hub = await WebshopsHub.StartAsync(webshops: webshops);
        hub.ShopRenter.AddProduct(WebshopsHub.Shop, "KB-100", "Kerti szék", 12000, stock1: 0);
        hub.Unas.AddProduct(WebshopsHub.UnasKey, "KB-100", "Kerti szék", 12000, mainStock: 0);
        hub.InErp(c =>
        {
            c.CreateProduct("KB-100", "Kerti szék", 12000);
            c.SetPhysical("KB-100", "1", 10);
            c.SetPhysical("KB-100", "2", 5);
        });
        return hub;
    }

    [Fact]
    public async Task The_shops_quantity_is_the_free_stock_of_its_chosen_warehouses_summed()
    {
        await using var hub = await StartAsync(ShopProductsKit.Option("un1", "stockWarehouses", new JsonArray("1")));

        var sr = await hub.RunAsync("stock", "sr1");
        var un = await hub.RunAsync("stock", "un1");

        Assert.Equal((RunStatus.Succeeded, 1), (sr.Status, sr.Updated));
        Assert.Equal((RunStatus.Succeeded, 1), (un.Status, un.Updated));
        Assert.Equal(15, hub.SrStock("KB-100"));
        Assert.Equal(10, hub.UnasStock("KB-100"));
    }

    [Fact]
    public async Task Stock_reserved_by_an_imported_order_is_taken_off_the_free_stock()
    {
        await using var hub = await StartAsync();
        hub.Unas.AddOrder(WebshopsHub.UnasKey, new() { Name = "Szabó Péter", Email = "peter@example.hu", Items = [new("KB-100", "Kerti szék", 4, 12000)] });
        await hub.RunAsync("orders", "un1");

        await hub.RunAsync("stock", "sr1");

        Assert.Equal(11, hub.SrStock("KB-100"));
    }

    [Fact]
    public async Task Free_stock_below_zero_is_sent_as_zero()
    {
        await using var hub = await StartAsync();
        hub.InErp(c => c.SetPhysical("KB-100", "1", -9));

        await hub.RunAsync("stock", "sr1");

        Assert.Equal(0, hub.SrStock("KB-100"));
    }

    [Fact]
    public async Task A_quantity_the_shop_shows_already_is_not_written_and_a_run_without_changes_writes_nothing()
    {
        await using var hub = await StartAsync();
        hub.ShopRenter.AddProduct(WebshopsHub.Shop, "KB-200", "Kerti asztal", 30000, stock1: 3);
        hub.InErp(c =>
        {
            c.CreateProduct("KB-200", "Kerti asztal", 30000);
            c.SetPhysical("KB-200", "1", 3);
        });

        var first = await hub.RunAsync("stock", "sr1");
        Assert.Equal((1, 1), (first.Updated, first.Skipped));
        Assert.Equal(1, hub.ShopRenter.Writes);

        var writes = hub.ShopWrites();
        var second = await hub.RunAsync("stock", "sr1");
        Assert.Equal((RunStatus.Succeeded, 0), (second.Status, second.Read));
        Assert.Equal(writes, hub.ShopWrites());

        hub.InErp(c => c.SetPhysical("KB-100", "2", 7));
        var third = await hub.RunAsync("stock", "sr1");
        Assert.Equal((1, 1), (third.Read, third.Updated));
        Assert.Equal(17, hub.SrStock("KB-100"));
    }

    [Fact]
    public async Task A_quantity_set_by_hand_in_the_shop_is_set_right_again_even_when_the_ERP_returns_to_a_value_sent_before()
    {
        await using var hub = await StartAsync();
        await hub.RunAsync("stock", "sr1");
        // Sold in the shop (the shop counts 12), then the ERP goes to 12 and back to 15 before the next run.
        hub.ShopRenter.SetStock(WebshopsHub.Shop, "KB-100", 12);
        hub.InErp(c => c.SetPhysical("KB-100", "2", 2));
        hub.InErp(c => c.SetPhysical("KB-100", "2", 5));

        await hub.RunAsync("stock", "sr1");

        Assert.Equal(15, hub.SrStock("KB-100"));
    }

    [Fact]
    public async Task Products_the_webshop_does_not_sell_are_left_out_without_an_error()
    {
        await using var hub = await StartAsync();
        hub.InErp(c =>
        {
            c.CreateProduct("CS-200", "Csiszológép", 19990);
            c.SetPhysical("CS-200", "1", 8);
        });

        var run = await hub.RunAsync("stock", "sr1");

        Assert.Equal((RunStatus.Succeeded, 2, 1, 1, 0), (run.Status, run.Read, run.Updated, run.Skipped, run.Failed));
    }

    [Fact]
    public async Task With_pushStock_off_the_webshop_gets_nothing()
    {
        await using var hub = await StartAsync(ShopProductsKit.Option("un1", "pushStock", false));

        var run = await hub.RunAsync("stock", "un1");

        Assert.Equal((RunStatus.Succeeded, 0), (run.Status, run.Read));
        Assert.Equal(0, hub.Unas.Writes);
        Assert.Equal(0, hub.UnasStock("KB-100"));
    }

    [Fact]
    public async Task A_run_stopped_by_the_shop_keeps_its_cursor_so_the_next_run_writes_the_same_changes()
    {
        await using var hub = await StartAsync();
        hub.ShopRenter.RegisterClient(WebshopsHub.Shop, WebshopsHub.SrClient, "revoked");

        var stopped = await hub.RunAsync("stock", "sr1");
        Assert.Equal(RunStatus.Failed, stopped.Status);
        Assert.Equal(0, hub.SrStock("KB-100"));

        hub.ShopRenter.RegisterClient(WebshopsHub.Shop, WebshopsHub.SrClient, WebshopsHub.SrSecret);
        var resumed = await hub.RunAsync("stock", "sr1");
        Assert.Equal((RunStatus.Succeeded, 1), (resumed.Status, resumed.Updated));
        Assert.Equal(15, hub.SrStock("KB-100"));
    }
}
