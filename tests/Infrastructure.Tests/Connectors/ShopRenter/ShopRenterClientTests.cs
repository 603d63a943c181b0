using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Tests.Connectors.ShopRenter;

public sealed class ShopRenterClientTests
{
    [Fact]
    public async Task One_token_serves_every_call_of_the_connection()
    {
        await using var hub = await ShopRenterHub.StartAsync();
        hub.Sandbox.AddOrder(ShopRenterHub.Shop, ShopRenterHub.Order());
        var client = hub.Client();
        await client.OrdersAsync(1, null, 0);
        await client.OrdersAsync(1, null, 0);
        Assert.Equal(1, hub.Sandbox.TokenRequests);
    }

    [Fact]
    public async Task A_wrong_client_secret_stops_the_run_naming_the_connection()
    {
        await using var hub = await ShopRenterHub.StartAsync();
        var e = await Assert.ThrowsAsync<RunStopped>(() => hub.Client("wrong").OrdersAsync(1, null, 0));
        Assert.Contains("client id and secret", e.Message);
    }

    [Fact]
    public async Task Answers_are_xml_unless_json_is_asked_for_and_scalars_are_strings()
    {
        await using var hub = await ShopRenterHub.StartAsync();
        hub.Sandbox.AddProduct(ShopRenterHub.Shop, "KB-100", "Kerti szék", 12000, 5);
        using var xml = await hub.RawAsync(HttpMethod.Get, "products?full=1");
        Assert.Equal("application/xml", xml.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Parse(await xml.Content.ReadAsStringAsync());
        Assert.Equal("KB-100", document.Root!.Element("items")!.Element("item")!.Element("sku")!.Value);

        using var json = await hub.RawAsync(HttpMethod.Get, "products?full=1", accept: "application/json");
        var item = JsonNode.Parse(await json.Content.ReadAsStringAsync())!["items"]![0]!;
        Assert.Equal("12000.0000", item["price"]!.GetValue<string>());
        Assert.Equal("5", item["stock1"]!.GetValue<string>());
        Assert.Equal("1", item["innerId"]!.GetValue<string>());
        Assert.Equal("product-product_id=1", Encoding.UTF8.GetString(Convert.FromBase64String(item["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Pages_start_at_zero_hold_at_most_200_and_past_the_end_is_40008()
    {
        await using var hub = await ShopRenterHub.StartAsync();
        for (var i = 1; i <= 450; i++) hub.Sandbox.AddOrder(ShopRenterHub.Shop, ShopRenterHub.Order(i));
        hub.Sandbox.RateLimit.Permits = 0;
        var client = hub.Client();
        var sizes = new List<int>();
        for (var page = 0; ; page++)
        {
            var result = await client.OrdersAsync(1, null, page);
            sizes.Add(result.Items.Count);
            Assert.Equal(3, result.PageCount);
            if (result.IsLast) break;
        }
        Assert.Equal([200, 200, 50], sizes);
        using var past = await hub.RawAsync(HttpMethod.Get, "orderExtend?page=3&limit=200", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(40008, JsonNode.Parse(await past.Content.ReadAsStringAsync())!["code"]!.GetValue<int>());
        using var tooBig = await hub.RawAsync(HttpMethod.Get, "orderExtend?limit=201", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task Orders_from_an_inner_id_skip_abandoned_carts_and_embed_products_totals_and_coupon()
    {
        await using var hub = await ShopRenterHub.StartAsync();
        hub.Sandbox.AddOrder(ShopRenterHub.Shop, ShopRenterHub.Order(1));
        hub.Sandbox.AddOrder(ShopRenterHub.Shop, ShopRenterHub.Order(2) with { StatusId = 0 });
        hub.Sandbox.AddOrder(ShopRenterHub.Shop, ShopRenterHub.Order(3) with { Coupon = new("NYAR10", "PERCENT", 10), Totals = [new("COUPON", "Kupon (NYAR10)", -2400)] });
        var page = await hub.Client().OrdersAsync(2, null, 0);
        var order = Assert.Single(page.Items);
        Assert.Equal("3", order["innerId"]!.GetValue<string>());
        Assert.Equal("NYAR10", order["coupon"]!["code"]!.GetValue<string>());
        Assert.Equal("KB-100", order["orderProducts"]![0]!["sku"]!.GetValue<string>());
        Assert.Equal("COUPON", order["orderTotals"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_datetime_filter_is_40009()
    {
        await using var hub = await ShopRenterHub.StartAsync();
        using var response = await hub.RawAsync(HttpMethod.Get, "orderExtend?createdAtMin=2026.12.01", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(40009, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task More_than_three_requests_in_a_second_get_429_but_the_client_stays_within_the_limit()
    {
        await using var hub = await ShopRenterHub.StartAsync();
        var token = await hub.Client().Tokens.GetAsync(false, CancellationToken.None);
        using var http = new HttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{hub.ApiBaseUrl}/products");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        await Task.Delay(1100);
        var before = hub.Sandbox.Requests.Count;
        var client = hub.Client();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 7; i++) await client.ProductsAsync(0, 10);
        Assert.Equal(7, hub.Sandbox.Requests.Count - before);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"7 calls at 3/s take at least 2 s, took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_product_write_changes_only_the_fields_sent_and_refuses_unknown_and_read_only_fields()
    {
        await using var hub = await ShopRenterHub.StartAsync();
        hub.Sandbox.AddProduct(ShopRenterHub.Shop, "KB-100", "Kerti szék", 12000, 5);
        var client = hub.Client();
        var product = (await client.ProductBySkuAsync("KB-100"))!;
        await client.UpdateProductAsync(product["id"]!.GetValue<string>(), new JsonObject { ["stock1"] = "9" });
        var after = hub.Sandbox.Products(ShopRenterHub.Shop).Single();
        Assert.Equal("9", after["stock1"]!.GetValue<string>());
        Assert.Equal("12000.0000", after["price"]!.GetValue<string>());

        var unknown = await Assert.ThrowsAsync<SyncProblem>(() => client.UpdateProductAsync(product["id"]!.GetValue<string>(), new JsonObject { ["quantity"] = "1" }));
        Assert.Contains("40005", unknown.Message);
        var readOnly = await Assert.ThrowsAsync<SyncProblem>(() => client.UpdateProductAsync(product["id"]!.GetValue<string>(), new JsonObject { ["innerId"] = "7" }));
        Assert.Contains("40002", readOnly.Message);
        using var noType = await hub.RawAsync(HttpMethod.Put, $"products/{product["id"]}", "application/json",
            new ByteArrayContent(Encoding.UTF8.GetBytes("{\"stock1\":\"1\"}")));
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Null(await client.ProductBySkuAsync("NOPE"));
    }

    [Fact]
    public async Task Every_request_and_field_of_the_client_exists_in_ShopRenters_reference()
    {
        await using var hub = await ShopRenterHub.StartAsync();
        hub.Sandbox.AddProduct(ShopRenterHub.Shop, "KB-100", "Kerti szék", 12000, 5);
        hub.Sandbox.AddOrder(ShopRenterHub.Shop, ShopRenterHub.Order() with { Coupon = new("X", "FIXED", 500) });
        var client = hub.Client();
        var order = (await client.OrdersAsync(1, new DateTime(2026, 11, 1), 0)).Items.Single();
        var product = (await client.ProductBySkuAsync("KB-100"))!;
        await client.ProductsAsync(0);
        await client.UpdateProductAsync(product["id"]!.GetValue<string>(), new JsonObject { ["stock1"] = "3", ["price"] = "100.0000" });

        foreach (var request in hub.Sandbox.Requests.Where(r => r.Contains('?')))
        {
            var path = request.Split(' ')[1];
            var reference = path.Contains("/orderExtend") ? ShopRenterReference.OrderExtendQuery : ShopRenterReference.ProductQuery;
            foreach (var name in path[(path.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('=')[0]))
                Assert.Contains(name, reference);
        }
        Assert.All(order.Select(p => p.Key), f => Assert.Contains(f, ShopRenterReference.OrderFields));
        Assert.All(order["orderProducts"]!.AsArray().SelectMany(l => l!.AsObject().Select(p => p.Key)), f => Assert.Contains(f, ShopRenterReference.OrderProductFields));
        Assert.All(order["orderTotals"]!.AsArray().SelectMany(l => l!.AsObject().Select(p => p.Key)), f => Assert.Contains(f, ShopRenterReference.OrderTotalFields));
    }
}
