using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koppel.Portal.Tests.Api;

/// <summary>
/// Each webshop's options through the admin API, checked live against the ERP company (warehouses 1 and 2, sequences SR
/// and UN) and the tenant's webshops (sr1, un1): what either lacks is refused as a problem detail naming the field.
/// </summary>
public sealed class WebshopsSettingsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static JsonObject Shop(string sequence, string warehouse, params string[] stock) => new()
    {
        ["numberingSequence"] = sequence, ["warehouseId"] = warehouse, ["stockWarehouses"] = new JsonArray(stock.Select(s => (JsonNode?)s).ToArray()),
    };

    private async Task<HttpResponseMessage> PutSettingsAsync(string slug, JsonObject webshops) =>
        await host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", new JsonObject { ["settings"] = new JsonObject { ["webshops"] = webshops } });

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        return (await answer.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
    }

    [Fact]
    public async Task A_numbering_sequence_the_erp_does_not_have_is_refused_at_its_field()
    {
        await WebshopsTenants.CreateAsync(host, "set-seq");

        var errors = await ProblemAsync(await PutSettingsAsync("set-seq", new JsonObject { ["sr1"] = Shop("XX", "1", "1"), ["un1"] = Shop("UN", "1", "1") }));

        Assert.Equal(["settings.webshops.sr1.numberingSequence"], errors.Select(e => e.Key));
        Assert.Contains("no numbering sequence \"XX\"; it has SR, UN", errors["settings.webshops.sr1.numberingSequence"]![0]!.ToString());
    }

    [Fact]
    public async Task An_order_warehouse_and_a_stock_warehouse_the_erp_does_not_have_are_refused_each_at_its_field()
    {
        await WebshopsTenants.CreateAsync(host, "set-wh");

        var errors = await ProblemAsync(await PutSettingsAsync("set-wh", new JsonObject { ["sr1"] = Shop("SR", "9", "1"), ["un1"] = Shop("UN", "1", "2", "7") }));

        Assert.Equal(["settings.webshops.sr1.warehouseId", "settings.webshops.un1.stockWarehouses[1]"], errors.Select(e => e.Key).Order());
        Assert.Contains("no warehouse \"9\"; it has 1, 2", errors["settings.webshops.sr1.warehouseId"]![0]!.ToString());
        Assert.Contains("no warehouse \"7\"", errors["settings.webshops.un1.stockWarehouses[1]"]![0]!.ToString());
    }

    [Fact]
    public async Task Options_for_a_webshop_that_is_not_in_the_connections_are_refused_naming_its_key()
    {
        await WebshopsTenants.CreateAsync(host, "set-key");

        var errors = await ProblemAsync(await PutSettingsAsync("set-key", new JsonObject
        {
            ["sr1"] = Shop("SR", "1", "1"), ["un1"] = Shop("UN", "1", "1"), ["shop-x"] = Shop("SR", "1", "1"),
        }));

        Assert.Equal(["settings.webshops.shop-x"], errors.Select(e => e.Key));
        Assert.Contains("this tenant's webshops are sr1, un1", errors["settings.webshops.shop-x"]![0]!.ToString());
    }

    [Fact]
    public async Task Ids_the_erp_has_are_saved()
    {
        await WebshopsTenants.CreateAsync(host, "set-ok");

        var saved = await PutSettingsAsync("set-ok", new JsonObject { ["sr1"] = Shop("UN", "2", "1", "2"), ["un1"] = Shop("SR", "1", "2") });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var read = (await host.Client(ApiHost.SupportKey).GetFromJsonAsync<JsonObject>("/api/v1/tenants/set-ok"))!["settings"]!["webshops"]!;

        Assert.Equal(("UN", "2", "1,2"), ((string?)read["sr1"]!["numberingSequence"], (string?)read["sr1"]!["warehouseId"],
            string.Join(",", read["sr1"]!["stockWarehouses"]!.AsArray().Select(w => (string?)w))));
        Assert.Equal(("SR", "2"), ((string?)read["un1"]!["numberingSequence"], (string?)read["un1"]!["stockWarehouses"]![0]));
    }
}
