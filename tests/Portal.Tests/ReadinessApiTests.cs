using System.Net;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>GET /api/v1/tenants/{tenant}/checks: the seed's preparation checklist, run live against the GoedGepickt emulator.</summary>
public sealed class ReadinessApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private GoedGepicktSandbox Gg => host.Services.GetRequiredService<GoedGepicktSandbox>();

    private JsonObject Product(string account, string sku, JsonObject? supplier, int freeStock = 3, int? multiple = 6, bool allowBackorders = false) =>
        Gg.AddProduct(account, new JsonObject
        {
            ["sku"] = sku, ["name"] = $"Product {sku}", ["price"] = "9.95",
            ["stock"] = new JsonObject { ["freeStock"] = freeStock, ["unlimitedStock"] = false },
            ["supplier"] = supplier is null ? null : new JsonObject { ["uuid"] = supplier["uuid"]!.ToString(), ["name"] = supplier["name"]!.ToString(), ["supplierSku"] = $"S-{sku}" },
            ["orderInMultiplesOf"] = multiple, ["allowBackorders"] = allowBackorders,
        }, fire: false);

    private async Task<JsonObject> ChecksAsync(string slug)
    {
        var answer = await host.Client(ApiHost.SupportKey).GetAsync($"/api/v1/tenants/{slug}/checks");
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static JsonObject Check(JsonObject answer, string key) => answer["checks"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["key"] == key);

    [Fact]
    public async Task The_checklist_counts_what_GoedGepickt_holds_and_names_the_first_offenders_with_a_link()
    {
        const string account = "gg-ready";
        var slug = await GoedGepicktTenants.CreateAsync(host, "ready-checks", account, "gg-ready-key", "3201");
        var good = Gg.AddSupplier(account, new JsonObject { ["name"] = "Groothandel", ["email"] = "inkoop@groothandel.example", ["backorders"] = "yes" });
        var silent = Gg.AddSupplier(account, new JsonObject { ["name"] = "Zonder adres", ["email"] = null, ["backorders"] = "no" });
        Product(account, "OK-1", good);
        var orphan = Product(account, "NO-SUP", supplier: null);
        var negative = Product(account, "NEG", good, freeStock: -4);
        Product(account, "NEG-BACK", good, freeStock: -2, allowBackorders: true);
        var noMultiple = Product(account, "NO-MULT", silent, multiple: null);

        var answer = await ChecksAsync(slug);

        Assert.Equal(["productsWithoutSupplier", "suppliersWithoutEmail", "negativeStockWithoutBackorders", "productsWithoutOrderMultiple"],
            answer["checks"]!.AsArray().Select(c => (string)c!["key"]!));
        AssertFails(Check(answer, "productsWithoutSupplier"), orphan);
        AssertFails(Check(answer, "suppliersWithoutEmail"), silent);
        AssertFails(Check(answer, "negativeStockWithoutBackorders"), negative);
        AssertFails(Check(answer, "productsWithoutOrderMultiple"), noMultiple);
        var example = Check(answer, "productsWithoutSupplier")["examples"]![0]!;
        Assert.Equal("Product NO-SUP", (string?)example["name"]);
        Assert.EndsWith($"/sandbox/goedgepickt/products/{orphan["uuid"]}", (string?)example["url"]);

        // Put right in GoedGepickt, the same check passes on the next call: it reads live, nothing is cached.
        Gg.ChangeProduct(account, orphan["uuid"]!.ToString(), p => p["supplier"] = new JsonObject { ["uuid"] = good["uuid"]!.ToString(), ["name"] = "Groothandel" });
        var again = Check(await ChecksAsync(slug), "productsWithoutSupplier");
        Assert.True((bool)again["passed"]!);
        Assert.Equal(0, (int)again["count"]!);
        Assert.Empty(again["examples"]!.AsArray());
    }

    private static void AssertFails(JsonObject check, JsonObject record)
    {
        Assert.False((bool)check["passed"]!);
        Assert.Equal(1, (int)check["count"]!);
        Assert.Equal(record["uuid"]!.ToString(), (string?)Assert.Single(check["examples"]!.AsArray())!["id"]);
        Assert.False(string.IsNullOrEmpty((string?)check["title"]));
    }

    [Fact]
    public async Task A_key_GoedGepickt_refuses_answers_a_problem_saying_so()
    {
        var slug = await GoedGepicktTenants.CreateAsync(host, "ready-badkey", "gg-ready-bad", "gg-ready-bad-key", "3202", useKey: "not-a-key");

        var answer = await host.Client(ApiHost.SupportKey).GetAsync($"/api/v1/tenants/{slug}/checks");

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("refused the API key", (string?)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["detail"]);
    }

    [Fact]
    public async Task An_unknown_tenant_is_not_found()
    {
        var answer = await host.Client(ApiHost.SupportKey).GetAsync("/api/v1/tenants/nobody-here/checks");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }
}
