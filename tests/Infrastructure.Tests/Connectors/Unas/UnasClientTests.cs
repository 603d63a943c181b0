using System.Xml.Linq;
using Koppel.Infrastructure.Connectors.Unas;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Tests.Connectors.Unas;

public sealed class UnasClientTests
{
    [Fact]
    public async Task The_login_token_is_reused_by_later_clients_of_the_same_shop()
    {
        await using var hub = await UnasHub.StartAsync();
        await hub.Client().OrdersAsync(0, 0);
        await hub.Client().OrdersAsync(0, 0);
        await hub.Client().ProductsAsync(["X"]);
        Assert.Equal(1, hub.Sandbox.Logins);
    }

    [Fact]
    public async Task An_expired_token_is_replaced_by_one_new_login()
    {
        await using var hub = await UnasHub.StartAsync();
        await hub.Client().OrdersAsync(0, 0);
        hub.Sandbox.Tokens.ExpireAll();
        await hub.Client().OrdersAsync(0, 0);
        Assert.Equal(2, hub.Sandbox.Logins);
    }

    [Fact]
    public async Task GetOrder_returns_at_most_500_orders_and_the_client_pages_by_offset()
    {
        await using var hub = await UnasHub.StartAsync();
        for (var i = 0; i < 1200; i++) hub.Sandbox.AddOrder(UnasHub.ApiKey, UnasHub.Order(i));
        var client = hub.Client();
        var sizes = new List<int>();
        var keys = new HashSet<string>();
        for (var offset = 0; ; offset += UnasClient.OrderPage)
        {
            var page = await client.OrdersAsync(0, offset);
            sizes.Add(page.Count);
            foreach (var order in page) keys.Add(order.Element("Key")!.Value);
            if (page.Count < UnasClient.OrderPage) break;
        }
        Assert.Equal([500, 500, 200], sizes);
        Assert.Equal(1200, keys.Count);
        Assert.Equal(500, (await client.OrdersAsync(0, 0, limit: 1000)).Count);
    }

    [Fact]
    public async Task The_invoiceable_filter_and_the_modified_time_cursor_are_applied_by_UNAS()
    {
        await using var hub = await UnasHub.StartAsync();
        hub.Sandbox.AddOrder(UnasHub.ApiKey, UnasHub.Order(1, invoiceStatus: 0));
        var invoiceable = hub.Sandbox.AddOrder(UnasHub.ApiKey, UnasHub.Order(2, invoiceStatus: 1));
        var orders = await hub.Client().OrdersAsync(0, 0, invoiceStatus: 1);
        Assert.Equal(invoiceable, Assert.Single(orders).Element("Key")!.Value);
        var future = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        Assert.Empty(await hub.Client().OrdersAsync(future, 0));
    }

    [Fact]
    public async Task A_write_that_stops_at_the_first_error_is_resent_for_the_entities_after_it()
    {
        await using var hub = await UnasHub.StartAsync();
        hub.Sandbox.AddProduct(UnasHub.ApiKey, "A", "A", 100, 1);
        hub.Sandbox.AddProduct(UnasHub.ApiKey, "C", "C", 100, 1);
        static XElement Stock(string sku, int qty) => new("Product", new XElement("Action", "modify"), new XElement("Sku", sku),
            new XElement("Stocks", new XElement("Stock", new XElement("Qty", qty))));
        var results = await hub.Client().SetStockAsync([Stock("A", 7), Stock("B", 8), Stock("C", 9)]);
        Assert.Equal([("A", true), ("B", false), ("C", true)], results.Select(r => (r.Sku, r.Ok)).ToList());
        Assert.Contains("not found", results[1].Error);
        Assert.Equal(2, hub.Sandbox.Requests.Count(r => r == "setStock"));
        var products = hub.Sandbox.Products(UnasHub.ApiKey);
        Assert.Equal(["7", "9"], products.Select(p => p.Element("Stocks")!.Element("Stock")!.Element("Qty")!.Value).ToList());
    }

    [Fact]
    public async Task SetProduct_writes_the_normal_price_and_refuses_a_node_UNAS_does_not_document()
    {
        await using var hub = await UnasHub.StartAsync();
        hub.Sandbox.AddProduct(UnasHub.ApiKey, "A", "A", 100, 1);
        static XElement Price(string sku, decimal net, XElement? extra = null) => new("Product", new XElement("Action", "modify"), new XElement("Sku", sku),
            new XElement("Prices", new XElement("Price", new XElement("Type", "normal"), new XElement("Net", net), new XElement("Gross", net * 1.27m), extra)));

        var written = Assert.Single(await hub.Client().SetProductsAsync([Price("A", 250)]));
        var refused = Assert.Single(await hub.Client().SetProductsAsync([Price("A", 300, new XElement("Netto", 300))]));

        Assert.True(written.Ok);
        Assert.False(refused.Ok);
        Assert.Contains("Unknown node: Price/Netto", refused.Error);
        var normal = hub.Sandbox.Products(UnasHub.ApiKey).Single().Element("Prices")!.Element("Price")!;
        Assert.Equal("250", normal.Element("Net")!.Value);
    }

    [Fact]
    public async Task A_refused_api_key_stops_logging_in_long_before_UNAS_would_ban_the_address()
    {
        await using var hub = await UnasHub.StartAsync();
        for (var run = 0; run < 5; run++)
            await Assert.ThrowsAsync<RunStopped>(() => hub.Client("wrong-key").OrdersAsync(0, 0));
        Assert.Equal(UnasCallGuard.MaxFailedLogins, hub.Sandbox.Logins);
        Assert.Empty(hub.Sandbox.Bans);
    }

    [Fact]
    public async Task A_function_that_keeps_failing_is_paused_and_never_reaches_the_ban()
    {
        await using var hub = await UnasHub.StartAsync();
        hub.Sandbox.HourlyLimits["getOrder"] = 1;
        await hub.Client().OrdersAsync(0, 0);
        for (var run = 0; run < 30; run++)
        {
            var e = await Assert.ThrowsAnyAsync<SyncProblem>(() => hub.Client().OrdersAsync(0, 0));
            if (run >= UnasCallGuard.MaxFailures) Assert.Contains("paused", e.Message);
        }
        Assert.Equal(1 + UnasCallGuard.MaxFailures, hub.Sandbox.Requests.Count(r => r == "getOrder"));
        Assert.Empty(hub.Sandbox.Bans);
    }

    [Fact]
    public async Task The_emulator_bans_after_20_consecutive_failures_as_UNAS_does()
    {
        await using var hub = await UnasHub.StartAsync();
        using var http = new HttpClient();
        string last = "";
        for (var i = 0; i < 21; i++)
        {
            using var response = await http.PostAsync($"{Koppel.Infrastructure.Connectors.Unas.Sandbox.UnasSandbox.BaseUrl(hub.Hub.BaseAddress)}/getProduct",
                new StringContent("<Params/>", System.Text.Encoding.UTF8, "application/xml"));
            last = await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("IP is banned till", last);
        Assert.Equal(["getProduct"], hub.Sandbox.Bans);
    }

    [Fact]
    public async Task Products_are_read_for_many_skus_in_one_call_with_normal_price_and_every_warehouse_row()
    {
        await using var hub = await UnasHub.StartAsync();
        hub.Sandbox.AddProduct(UnasHub.ApiKey, "A", "A", 1000, 3);
        hub.Sandbox.AddProduct(UnasHub.ApiKey, "B", "B", 2000, 4);
        var products = await hub.Client().ProductsAsync(["A", "B", "Z"]);
        Assert.Equal(["A", "B"], products.Select(p => p.Element("Sku")!.Value).ToList());
        Assert.Equal(1000m, UnasClient.Decimal(products[0].Element("Prices")!.Elements("Price").Single(p => p.Element("Type")!.Value == "normal").Element("Net")));
        Assert.Equal(1, hub.Sandbox.Requests.Count(r => r == "getProduct"));
    }
}
