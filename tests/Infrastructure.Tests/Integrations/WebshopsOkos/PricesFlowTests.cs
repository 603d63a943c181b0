using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.WebshopsOkos;

/// <summary>The prices flow (normal net selling price, ERP -> webshop, from the ERP's change feed) against the three emulators.</summary>
public sealed class PricesFlowTests
{
    /// <summary>Kerti szék at 12 000 net in the ERP and in both shops.</summary>
    private static async Task<WebshopsHub> StartAsync(Action<JsonObject>? webshops = null)
    {
        var hub = await WebshopsHub.StartAsync(webshops: webshops);
        hub.ShopRenter.AddProduct(WebshopsHub.Shop, "KB-100", "Kerti szék", 12000);
        hub.Unas.AddProduct(WebshopsHub.UnasKey, "KB-100", "Kerti szék", 12000);
        hub.InErp(c => c.CreateProduct("KB-100", "Kerti szék", 12000));
        return hub;
    }

    [Fact]
    public async Task A_changed_normal_price_is_written_to_each_webshop_as_its_net_price()
    {
        await using var hub = await StartAsync();
        hub.InErp(c => c.SetPrice("KB-100", 13500));

        var sr = await hub.RunAsync("prices", "sr1");
        var un = await hub.RunAsync("prices", "un1");

        Assert.Equal((RunStatus.Succeeded, 1), (sr.Status, sr.Updated));
        Assert.Equal((RunStatus.Succeeded, 1), (un.Status, un.Updated));
        Assert.Equal(13500, hub.SrPrice("KB-100"));
        Assert.Equal((13500m, 17145m), hub.UnasPrice("KB-100"));
    }

    [Fact]
    public async Task A_price_the_shop_shows_already_is_not_written_and_a_second_run_writes_nothing()
    {
        await using var hub = await StartAsync();
        hub.ShopRenter.AddProduct(WebshopsHub.Shop, "KB-200", "Kerti asztal", 31000);
        hub.InErp(c =>
        {
            c.CreateProduct("KB-200", "Kerti asztal", 30000);
            c.SetPrice("KB-200", 31000);
            c.SetPrice("KB-100", 12500);
        });

        var first = await hub.RunAsync("prices", "sr1");
        Assert.Equal((2, 1, 1), (first.Read, first.Updated, first.Skipped));
        Assert.Equal(1, hub.ShopRenter.Writes);

        var writes = hub.ShopWrites();
        var second = await hub.RunAsync("prices", "sr1");
        Assert.Equal((RunStatus.Succeeded, 0), (second.Status, second.Read));
        Assert.Equal(writes, hub.ShopWrites());
    }

    [Fact]
    public async Task A_stock_change_alone_sends_no_price()
    {
        await using var hub = await StartAsync();
        hub.InErp(c => c.SetPhysical("KB-100", "1", 4));

        var run = await hub.RunAsync("prices", "un1");

        Assert.Equal((RunStatus.Succeeded, 0), (run.Status, run.Read));
        Assert.Equal(0, hub.Unas.Writes);
    }

    [Fact]
    public async Task With_pushPrices_off_the_webshop_gets_nothing()
    {
        await using var hub = await StartAsync(ShopProductsKit.Option("sr1", "pushPrices", false));
        hub.InErp(c => c.SetPrice("KB-100", 9900));

        var run = await hub.RunAsync("prices", "sr1");

        Assert.Equal((RunStatus.Succeeded, 0), (run.Status, run.Read));
        Assert.Equal(0, hub.ShopRenter.Writes);
        Assert.Equal(12000, hub.SrPrice("KB-100"));
    }

    [Fact]
    public async Task A_negative_price_fails_alone_and_is_tried_again_until_it_is_corrected()
    {
        await using var hub = await StartAsync();
        hub.Unas.AddProduct(WebshopsHub.UnasKey, "KB-200", "Kerti asztal", 30000);
        hub.InErp(c =>
        {
            c.CreateProduct("KB-200", "Kerti asztal", 30000);
            c.SetPrice("KB-200", -300);
            c.SetPrice("KB-100", 12900);
        });

        var first = await hub.RunAsync("prices", "un1");
        Assert.Equal((RunStatus.CompletedWithErrors, 1, 1), (first.Status, first.Updated, first.Failed));
        Assert.Equal(12900, hub.UnasPrice("KB-100").Net);
        Assert.Equal(30000, hub.UnasPrice("KB-200").Net);

        var again = await hub.RunAsync("prices", "un1");
        Assert.Equal(1, again.Failed);

        hub.InErp(c => c.SetPrice("KB-200", 32000));
        var corrected = await hub.RunAsync("prices", "un1");
        Assert.Equal((RunStatus.Succeeded, 0), (corrected.Status, corrected.Failed));
        Assert.Equal(32000, hub.UnasPrice("KB-200").Net);
    }
}
