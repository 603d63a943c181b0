using System.Net;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Koppel.Infrastructure.Tests.Connectors.MoySklad;

public sealed class MoySkladEmulatorTests
{
    [Fact]
    public async Task A_request_that_does_not_accept_gzip_gets_415_with_an_empty_body()
    {
        await using var host = await MoySkladHost.StartAsync();

        using var response = await host.GetAsync("/entity/product", gzip: false);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Answers_are_gzip_compressed_and_an_unknown_token_gets_401_with_code_1056()
    {
        await using var host = await MoySkladHost.StartAsync();

        using var refused = await host.GetAsync("/entity/product", token: "wrong");
        using var ok = await host.GetAsync("/entity/product");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(1056, (int)(await MoySkladHost.JsonAsync(refused))!["errors"]![0]!["code"]!);
        Assert.Contains("gzip", ok.Content.Headers.ContentEncoding);
        Assert.Equal(5, (int)(await MoySkladHost.JsonAsync(ok))!["meta"]!["size"]!);
    }

    [Fact]
    public async Task Pages_by_limit_and_offset_with_absolute_next_and_previous_hrefs_on_the_called_host()
    {
        await using var host = await MoySkladHost.StartAsync(products: 5);

        using var response = await host.GetAsync("/entity/product?limit=2&offset=2");
        var page = (await MoySkladHost.JsonAsync(response))!;

        Assert.Equal(2, page["rows"]!.AsArray().Count);
        Assert.Equal((5, 2, 2), ((int)page["meta"]!["size"]!, (int)page["meta"]!["limit"]!, (int)page["meta"]!["offset"]!));
        Assert.StartsWith(host.BaseUrl + "/entity/product?limit=2&offset=4", page["meta"]!["nextHref"]!.ToString());
        Assert.StartsWith(host.BaseUrl + "/entity/product?limit=2&offset=0", page["meta"]!["previousHref"]!.ToString());
        var product = page["rows"]![0]!;
        Assert.Equal($"{host.BaseUrl}/entity/product/{product["id"]}", product["meta"]!["href"]!.ToString());
        Assert.StartsWith(host.BaseUrl + "/entity/uom/", product["uom"]!["meta"]!["href"]!.ToString());
    }

    [Fact]
    public async Task A_limit_above_1000_is_refused()
    {
        await using var host = await MoySkladHost.StartAsync();

        using var response = await host.GetAsync("/entity/product?limit=1001");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Filters_or_repeated_equals_hide_archived_unless_asked_and_refuse_equality_mixed_with_a_range()
    {
        await using var host = await MoySkladHost.StartAsync(products: 5);
        var third = host.Sandbox.Product(MoySkladHost.Account, "C00003");
        host.Sandbox.SaveProduct(MoySkladHost.Account, new JsonObject { ["archived"] = true }, third["id"]!.ToString());

        async Task<List<string>> Codes(string filter)
        {
            using var r = await host.GetAsync("/entity/product?filter=" + Uri.EscapeDataString(filter));
            return (await MoySkladHost.JsonAsync(r))!["rows"]!.AsArray().Select(p => p!["code"]!.ToString()).Order().ToList();
        }

        Assert.Equal(["C00001", "C00002"], await Codes("code=C00001;code=C00002"));
        Assert.Equal(["C00001", "C00002", "C00004", "C00005"], await Codes("name~Товар"));
        Assert.Equal(["C00001", "C00002", "C00003", "C00004", "C00005"], await Codes("archived=true;archived=false"));
        Assert.Equal(["C00003"], await Codes("archived=true"));
        Assert.Equal(["C00004"], await Codes("article=~4"));
        Assert.Empty(await Codes("article=~4;article=~5"));
        using var mixed = await host.GetAsync("/entity/product?filter=" + Uri.EscapeDataString("updated=2026-01-01 00:00:00;updated>2026-01-01 00:00:00"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, mixed.StatusCode);
    }

    [Fact]
    public async Task Updated_filter_takes_Moscow_time_and_finds_only_what_changed_since()
    {
        await using var host = await MoySkladHost.StartAsync(products: 4);
        // Filters take whole seconds: the seeded products must be older than the second the filter names.
        await Task.Delay(2100);
        var before = DateTimeOffset.UtcNow;
        var changed = host.Sandbox.Product(MoySkladHost.Account, "C00002");
        host.Sandbox.SaveProduct(MoySkladHost.Account, new JsonObject { ["name"] = "Товар новый" }, changed["id"]!.ToString());

        using var response = await host.GetAsync("/entity/product?filter=" + Uri.EscapeDataString("updated>=" + MoySkladTime.FormatForFilter(before)));
        var rows = (await MoySkladHost.JsonAsync(response))!["rows"]!.AsArray();

        Assert.Equal("Товар новый", Assert.Single(rows)!["name"]!.ToString());
        Assert.True(MoySkladTime.Parse(rows[0]!["updated"]!.ToString()) >= before.AddMilliseconds(-before.Millisecond));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$", rows[0]!["updated"]!.ToString());
    }

    [Fact]
    public async Task The_bucket_of_45_units_per_3_s_admits_11_calls_of_4_units_then_answers_429_with_its_headers()
    {
        await using var host = await MoySkladHost.StartAsync(bucket: true);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 12; i++)
        {
            last?.Dispose();
            last = await host.GetAsync("/entity/uom");
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(11), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[11]);
        Assert.Equal("45", last!.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("3000", last.Headers.GetValues("X-Lognex-Retry-TimeInterval").Single());
        Assert.InRange(long.Parse(last.Headers.GetValues("X-Lognex-Retry-After").Single()), 1, 300);
        Assert.Equal(1049, (int)(await MoySkladHost.JsonAsync(last))!["errors"]![0]!["code"]!);
        last.Dispose();
    }

    [Fact]
    public async Task The_stock_report_is_a_plain_array_of_one_stock_type_with_available_as_stock_minus_reserve_plus_in_transit()
    {
        await using var host = await MoySkladHost.StartAsync(products: 3);
        var id = host.Sandbox.Product(MoySkladHost.Account, "C00002")["id"]!.ToString();
        await Task.Delay(2100);
        var mark = DateTimeOffset.UtcNow;
        host.Sandbox.SetStock(MoySkladHost.Account, id, stock: 10, reserve: 3, inTransit: 2);
        var client = host.Client();

        var quantity = await client.CurrentStockAsync("quantity", null);
        var reserve = await client.CurrentStockAsync("reserve", null);
        var changed = await client.CurrentStockAsync("stock", mark);

        Assert.Equal(9m, quantity[id]);
        Assert.Equal(3m, reserve[id]);
        Assert.Equal(10m, Assert.Single(changed).Value);
    }

    [Fact]
    public async Task Creating_with_a_sync_id_twice_returns_the_first_product_and_a_batch_answers_failed_elements_with_errors()
    {
        await using var host = await MoySkladHost.StartAsync(products: 1);
        var client = host.Client();
        var syncId = Guid.NewGuid().ToString("D");

        var first = await client.CreateAsync("product", new JsonObject { ["name"] = "A", ["syncId"] = syncId });
        var again = await client.CreateAsync("product", new JsonObject { ["name"] = "A", ["syncId"] = syncId });
        var batch = await client.BatchAsync("product", [new JsonObject { ["name"] = "B" }, new JsonObject { ["code"] = "no name" }]);

        Assert.Equal(first["id"]!.ToString(), again["id"]!.ToString());
        Assert.Equal(3, host.Sandbox.ProductsOf(MoySkladHost.Account).Count);
        Assert.Equal("B", batch[0]!["name"]!.ToString());
        Assert.Equal(3000, (int)batch[1]!["errors"]![0]!["code"]!);
        var problem = await Assert.ThrowsAsync<Koppel.Infrastructure.Integrations.SyncProblem>(() => client.CreateAsync("product", new JsonObject { ["code"] = "no name" }));
        Assert.Contains("3000", problem.Message);
    }

    [Fact]
    public async Task Webhooks_register_once_per_url_and_a_write_with_the_disable_prefix_header_notifies_nobody_there()
    {
        await using var host = await MoySkladHost.StartAsync(products: 1);
        var client = host.Client();
        var url = host.Hub.BaseAddress + "sandbox/moysklad/_nowhere/hook";
        var hook = new JsonObject { ["url"] = url, ["action"] = "UPDATE", ["entityType"] = "product" };

        await client.CreateAsync("webhook", (JsonObject)hook.DeepClone());
        var duplicate = await Assert.ThrowsAsync<Koppel.Infrastructure.Integrations.SyncProblem>(() => client.CreateAsync("webhook", (JsonObject)hook.DeepClone()));
        var product = host.Sandbox.Product(MoySkladHost.Account, "C00001");
        var quiet = new MoySkladClient(host.BaseUrl, host.Token, new ConnectorHttp(NullLoggerFactory.Instance)) { QuietFor = [host.Hub.BaseAddress + "sandbox/moysklad/_nowhere"] };
        var meta = new JsonObject { ["href"] = $"{host.BaseUrl}/entity/product/{product["id"]}", ["type"] = "product", ["mediaType"] = "application/json" };
        await quiet.BatchAsync("product", [new JsonObject { ["meta"] = meta, ["name"] = "quiet" }]);
        host.Sandbox.SaveProduct(MoySkladHost.Account, new JsonObject { ["name"] = "loud" }, product["id"]!.ToString());
        await host.Sandbox.DeliveriesSentAsync();

        Assert.Contains("30003", duplicate.Message);
        var delivery = Assert.Single(host.Sandbox.Deliveries);
        var evt = delivery.Body["events"]![0]!;
        Assert.Equal(("UPDATE", $"{host.BaseUrl}/entity/product/{product["id"]}"), (evt["action"]!.ToString(), evt["meta"]!["href"]!.ToString()));
        Assert.Equal(4, delivery.Attempts.Count);
    }
}
