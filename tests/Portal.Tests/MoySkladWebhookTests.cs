using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>
/// MoySklad's webhooks through the real portal: saving the connection registers them at
/// <c>/hooks/{tenant}/moysklad/{secret}</c>; the emulator delivers a product change as MoySklad does (reference only,
/// 1500 ms to answer), the queue re-reads the product and updates its Planfix entry; a repeated delivery writes nothing;
/// a wrong secret is refused; the hub's own writes do not come back as webhooks.
/// </summary>
public sealed class MoySkladWebhookTests : IClassFixture<ApiHost>
{
    private readonly ApiHost _host;
    private string _account = "";
    private int _directory;

    public MoySkladWebhookTests(ApiHost host) => _host = host;

    private MoySkladSandbox MoySklad => _host.Services.GetRequiredService<MoySkladSandbox>();
    private PlanfixSandbox Planfix => _host.Services.GetRequiredService<PlanfixSandbox>();

    [Fact]
    public async Task Saving_the_connection_registers_the_product_and_stock_webhooks_at_the_tenants_secret_address_once()
    {
        var slug = await TenantAsync("ms-hooks-registered");

        var hooks = MoySklad.WebhooksOf(_account);
        var url = Assert.Single(hooks.Select(h => h["url"]!.ToString()).Distinct());
        Assert.Matches($"^{new Uri(_host.Address, $"hooks/{slug}/moysklad/")}[0-9a-f]{{48}}$", url);
        Assert.Equal(["CREATE", "DELETE", "UPDATE"], hooks.Where(h => h["entityType"]?.ToString() == "product").Select(h => h["action"]!.ToString()).Order());
        Assert.Single(hooks, h => h["stockType"]?.ToString() == "stock");

        // Saving again (and every periodic check) keeps the same address and registers nothing twice.
        await SaveAsync(slug);
        Assert.Equal(hooks.Select(h => h["id"]!.ToString()).Order(), MoySklad.WebhooksOf(_account).Select(h => h["id"]!.ToString()).Order());
    }

    [Fact]
    public async Task A_product_changed_in_MoySklad_reaches_its_Planfix_entry_through_the_webhook()
    {
        var slug = await TenantAsync("ms-hooks-product");
        await RunProductsAsync(slug);
        var product = MoySklad.Product(_account, "C00001");

        MoySklad.SaveProduct(_account, new JsonObject { ["name"] = "Переименован в МоёмСкладе" }, product["id"]!.ToString());
        await MoySklad.DeliveriesSentAsync();

        var delivery = Assert.Single(DeliveriesOf(slug));
        Assert.Equal([200], delivery.Attempts);
        await UntilAsync(() => EntryOf("C00001")["values"]!["Name"]!.ToString() == "Переименован в МоёмСкладе");
        await ProcessedAsync(slug);
    }

    [Fact]
    public async Task A_repeated_webhook_of_a_product_already_in_Planfix_changes_nothing()
    {
        var slug = await TenantAsync("ms-hooks-repeat");
        await RunProductsAsync(slug);
        MoySklad.SaveProduct(_account, new JsonObject { ["name"] = "Один раз" }, MoySklad.Product(_account, "C00002")["id"]!.ToString());
        await MoySklad.DeliveriesSentAsync();
        await UntilAsync(() => EntryOf("C00002")["values"]!["Name"]!.ToString() == "Один раз");
        await ProcessedAsync(slug);
        var (writes, entries) = (Planfix.Writes, Planfix.Entries(_account, _directory).Select(e => e.ToJsonString()).ToList());

        var delivery = DeliveriesOf(slug).Single();
        using var again = await _host.Client(null).PostAsync(delivery.Url + "?requestId=" + Guid.NewGuid(),
            new StringContent(delivery.Body.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await ProcessedAsync(slug, expected: 2);
        Assert.Equal(writes, Planfix.Writes);
        Assert.Equal(entries, Planfix.Entries(_account, _directory).Select(e => e.ToJsonString()).ToList());
    }

    [Fact]
    public async Task A_stock_change_reaches_Planfix_through_the_stock_webhook()
    {
        var slug = await TenantAsync("ms-hooks-stock");
        await RunProductsAsync(slug);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        MoySklad.SetStock(_account, MoySklad.Product(_account, "C00002")["id"]!.ToString(), stock: 40, reserve: 3);

        MoySklad.FireStockWebhooks(_account, since);
        await MoySklad.DeliveriesSentAsync();

        Assert.Equal([200], Assert.Single(DeliveriesOf(slug)).Attempts);
        await UntilAsync(() => EntryOf("C00002")["values"]!["Stock"]?.GetValue<decimal>() == 40);
        Assert.Equal((37m, 3m), (EntryOf("C00002")["values"]!["Available"]!.GetValue<decimal>(), EntryOf("C00002")["values"]!["Reserve"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_is_refused_and_an_unknown_tenant_is_not_found()
    {
        var slug = await TenantAsync("ms-hooks-secret");
        var url = MoySklad.WebhooksOf(_account).First()["url"]!.ToString();
        const string body = """{"events":[{"meta":{"type":"product","href":"https://api.moysklad.ru/api/remap/1.2/entity/product/0b3ad0ba-0000-4000-8000-000000000001"},"action":"UPDATE"}]}""";

        Assert.Equal(HttpStatusCode.OK, await PostAsync(url, body));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(url[..^1] + (url[^1] == '0' ? '1' : '0'), body));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync($"/hooks/{slug}/moysklad", body));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(url.Replace($"/hooks/{slug}/", "/hooks/no-such-tenant/", StringComparison.Ordinal), body));
    }

    [Fact]
    public async Task The_hubs_own_writes_to_MoySklad_do_not_come_back_as_webhooks()
    {
        var slug = await TenantAsync("ms-hooks-echo");
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync(t => t.Slug == slug);
        var client = MoySkladClient.For(_host.Services.GetRequiredService<TenantConnections>().Decrypt(tenant)[MoySkladConnection.System],
            _host.Services.GetRequiredService<ConnectorHttp>());

        await client.CreateAsync("product", new JsonObject { ["name"] = "Создан хабом" });
        MoySklad.SaveProduct(_account, new JsonObject { ["name"] = "Создан в МоёмСкладе" });
        await MoySklad.DeliveriesSentAsync();

        // Only the user's product was announced: the hub's write named its own hook address as one not to notify.
        var delivery = Assert.Single(DeliveriesOf(slug));
        var created = MoySklad.ProductsOf(_account).Single(p => p["name"]!.ToString() == "Создан в МоёмСкладе");
        Assert.EndsWith(created["id"]!.ToString(), delivery.Body["events"]![0]!["meta"]!["href"]!.ToString());
    }

    private IEnumerable<MoySkladDelivery> DeliveriesOf(string slug) =>
        MoySklad.Deliveries.Where(d => d.Url.Contains($"/hooks/{slug}/moysklad/", StringComparison.Ordinal));

    private JsonObject EntryOf(string code) =>
        Planfix.Entries(_account, _directory).Single(e => e["values"]!["Code"]?.ToString() == code);

    private async Task<HttpStatusCode> PostAsync(string url, string body)
    {
        using var answer = await _host.Client(null).PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        return answer.StatusCode;
    }

    private async Task RunProductsAsync(string slug)
    {
        var run = await _host.Client(ApiHost.SupportKey).PostAsync($"/api/v1/tenants/{slug}/flows/products/runs?wait=true", null);
        Assert.True(run.IsSuccessStatusCode, await run.Content.ReadAsStringAsync());
        Assert.Equal(3, Planfix.Entries(_account, _directory).Count);
    }

    /// <summary>Waits until the tenant's stored deliveries are all processed, and checks none failed.</summary>
    private async Task ProcessedAsync(string slug, int expected = 1)
    {
        var dbs = _host.Services.GetRequiredService<IDbContextFactory<KoppelDb>>();
        for (var i = 0; i < 300; i++)
        {
            await using var db = await dbs.CreateDbContextAsync();
            var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.System == "moysklad" && db.Tenants.Any(t => t.Id == d.TenantId && t.Slug == slug)).ToListAsync();
            if (deliveries.Count >= expected && deliveries.All(d => d.ProcessedAt != null))
            {
                Assert.Equal(expected, deliveries.Count);
                Assert.All(deliveries, d => Assert.Null(d.Error));
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"The {expected} deliveries of {slug} were not processed within 30 s.");
    }

    private static async Task UntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 300 && !done(); i++) await Task.Delay(100);
        Assert.True(done());
    }

    // Each test has its own accounts in the shared host's emulators.
    private async Task<string> TenantAsync(string slug)
    {
        _account = slug;
        MoySklad.RegisterToken($"ms-{slug}", _account);
        MoySklad.Seed(_account, 3, 5);
        Planfix.RegisterToken($"pf-{slug}", _account);
        _directory = Planfix.AddDirectory(_account, "Товары", ("Name", 0), ("Code", 0), ("Article", 0), ("Unit", 0), ("Stock", 1), ("Available", 1),
            ("Reserve", 1), ("External code", 0), ("Цена продажи", 1));
        await SaveAsync(slug);
        return slug;
    }

    private async Task SaveAsync(string slug)
    {
        var body = new JsonObject
        {
            ["name"] = slug, ["integration"] = "moysklad-planfix",
            ["connections"] = new JsonObject
            {
                ["moySklad"] = new JsonObject { ["baseUrl"] = MoySkladSandbox.BaseUrl(_host.Address), ["token"] = $"ms-{slug}" },
                ["planfix"] = new JsonObject { ["baseUrl"] = PlanfixSandbox.BaseUrl(_host.Address), ["token"] = $"pf-{slug}" },
            },
            ["settings"] = new JsonObject
            {
                ["planfix"] = new JsonObject { ["productDirectoryId"] = _directory },
                ["products"] = new JsonObject { ["priceTypes"] = new JsonArray("Цена продажи") },
            },
        };
        var saved = await _host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", body);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
