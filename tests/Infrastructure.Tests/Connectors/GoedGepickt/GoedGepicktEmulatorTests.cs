using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

namespace Koppel.Infrastructure.Tests.Connectors.GoedGepickt;

/// <summary>What the GoedGepickt emulator answers on the wire, per ../apis/goedgepickt.md.</summary>
public sealed class GoedGepicktEmulatorTests
{
    private static HttpClient Client(string key = GoedGepicktOptiplyHub.ApiKey)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return http;
    }

    [Fact]
    public async Task Lists_are_items_and_pageInfo_paged_by_page_and_perPage()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        for (var i = 1; i <= 5; i++) hub.Product($"GG-{i}");
        using var http = Client();

        var page = await http.GetFromJsonAsync<JsonObject>(GoedGepicktSandbox.BaseUrl(hub.Hub.BaseAddress) + "/products?page=2&perPage=2");

        Assert.Equal(["GG-3", "GG-4"], page!["items"]!.AsArray().Select(p => (string)p!["sku"]!));
        Assert.Equal(5, (int)page["pageInfo"]!["totalItems"]!);
        Assert.Equal(3, (int)page["pageInfo"]!["lastPage"]!);
        Assert.Equal(2, (int)page["pageInfo"]!["currentPage"]!);
    }

    [Fact]
    public async Task An_unknown_key_answers_401()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        using var http = Client("nope");

        var answer = await http.GetAsync(GoedGepicktSandbox.BaseUrl(hub.Hub.BaseAddress) + "/products");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.NotNull((await answer.Content.ReadFromJsonAsync<JsonObject>())!["error"]);
    }

    [Fact]
    public async Task Over_the_per_IP_limit_GG_answers_429_Too_Many_Attempts_without_Retry_After()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        hub.GoedGepickt.RequestsPerWindow = 3;
        using var http = Client();
        var url = GoedGepicktSandbox.BaseUrl(hub.Hub.BaseAddress) + "/webshops";

        // The hub's own start-up webhook check calls GG from the same address and may take part of the budget.
        var passed = 0;
        HttpResponseMessage answer;
        while ((answer = await http.GetAsync(url)).StatusCode == HttpStatusCode.OK && passed < 4) passed++;
        var refused = answer;

        Assert.InRange(passed, 0, 3);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Null(refused.Headers.RetryAfter);
        Assert.Equal("Too Many Attempts.", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["message"]);
    }

    [Fact]
    public async Task A_field_GG_does_not_take_is_refused_naming_it()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        hub.Product("GG-1");
        using var http = Client();

        var answer = await http.PostAsJsonAsync(GoedGepicktSandbox.BaseUrl(hub.Hub.BaseAddress) + "/purchaseorders",
            new JsonObject { ["reference"] = "1", ["deliveryDate"] = "2026-01-01", ["lines"] = new JsonArray(new JsonObject { ["sku"] = "GG-1", ["quantity"] = 1 }) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        Assert.NotNull((await answer.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["deliveryDate"]);
    }

    [Fact]
    public async Task A_fulfilment_key_sees_only_its_customers_records_and_no_suppliers()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        hub.GoedGepickt.RegisterKey("fulfilment-key", GoedGepicktOptiplyHub.GgAccount, "c-1");
        hub.Supplier("Koffie BV");
        hub.Product("MINE", customer: "c-1");
        var other = hub.Product("OTHER", customer: "c-2");
        using var http = Client("fulfilment-key");
        var root = GoedGepicktSandbox.BaseUrl(hub.Hub.BaseAddress);

        var products = await http.GetFromJsonAsync<JsonObject>(root + "/products");
        var suppliers = await http.GetFromJsonAsync<JsonObject>(root + "/suppliers");

        Assert.Equal(["MINE"], products!["items"]!.AsArray().Select(p => (string)p!["sku"]!));
        Assert.Empty(suppliers!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{root}/products/{other["uuid"]}")).StatusCode);
    }

    [Fact]
    public async Task Every_record_the_emulator_holds_uses_only_fields_of_the_reference()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        hub.GoedGepickt.Seed(GoedGepicktOptiplyHub.GgAccount, 30, 5);

        foreach (var (kind, records) in new[] { ("product", hub.GoedGepickt.Products(GoedGepicktOptiplyHub.GgAccount)), ("order", hub.GoedGepickt.Orders(GoedGepicktOptiplyHub.GgAccount)), ("supplier", hub.GoedGepickt.Suppliers(GoedGepicktOptiplyHub.GgAccount)) })
        {
            var known = GoedGepicktReference.RecordFields(kind);
            Assert.All(records.SelectMany(r => GoedGepicktReference.Paths(r)).Distinct(), path => Assert.Contains(path, known));
        }
    }
}
