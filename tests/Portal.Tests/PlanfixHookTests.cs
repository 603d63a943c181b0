using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>
/// The Planfix scenario request of the "Update order" button through the real portal: <c>POST /hooks/{tenant}/planfix</c>
/// with the tenant's X-Koppel-Token is answered 200 at once and queued; the queue re-reads the task and saves the
/// MoySklad order; the "status-changed" request at a shipment status makes the demand. A wrong or missing token is 401.
/// </summary>
public sealed class PlanfixHookTests : IClassFixture<ApiHost>
{
    private const string HookToken = "scenario-token-0123456789";
    private readonly ApiHost _host;

    public PlanfixHookTests(ApiHost host) => _host = host;

    private MoySkladSandbox MoySklad => _host.Services.GetRequiredService<MoySkladSandbox>();
    private PlanfixSandbox Planfix => _host.Services.GetRequiredService<PlanfixSandbox>();

    [Fact]
    public async Task A_bad_or_missing_token_is_refused_with_401()
    {
        var slug = await TenantAsync("planfix-hook-token");
        const string body = """{"action":"update-order","taskId":1}""";

        Assert.Equal(HttpStatusCode.Unauthorized, (await PressAsync(slug, body, "not-the-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PressAsync(slug, body, null)).StatusCode);
    }

    [Fact]
    public async Task The_Update_order_request_is_answered_200_and_the_queue_saves_the_order_in_MoySklad()
    {
        var slug = await TenantAsync("planfix-hook-order");
        var products = await _host.Client(ApiHost.SupportKey).PostAsync($"/api/v1/tenants/{slug}/flows/products/runs?wait=true", null);
        Assert.True(products.IsSuccessStatusCode, await products.Content.ReadAsStringAsync());
        var contact = Planfix.AddContact(_account, "Иван Петров", "ivan@hook.example");
        var task = Planfix.AddTask(_account, "Заказ", contact);
        var entry = Planfix.Entries(_account, _directory).First()["key"]!.GetValue<int>();
        Planfix.AddDataTagEntry(_account, _lineItems, task, new Dictionary<string, JsonNode?>
        {
            [OrderFields.LineProduct] = new JsonObject { ["id"] = entry }, [OrderFields.LineQuantity] = 2, [OrderFields.LinePrice] = 12.5,
        });

        var started = DateTime.UtcNow;
        var answer = await PressAsync(slug, $$"""{"action":"update-order","taskId":{{task}}}""", HookToken);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
        for (var i = 0; i < 300 && string.IsNullOrEmpty(Planfix.TaskValues(_account, task)[OrderFields.OrderId]?.ToString()); i++) await Task.Delay(100);
        var order = Assert.Single(MoySklad.OrdersOf(_account));
        Assert.Equal(order["id"]!.ToString(), Planfix.TaskValues(_account, task)[OrderFields.OrderId]!.ToString());
        var position = Assert.Single(MoySklad.OrderPositions(_account, order["id"]!.ToString()));
        Assert.Equal((2m, 1250m), (position["quantity"]!.GetValue<decimal>(), position["price"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task The_status_changed_request_at_a_shipment_status_makes_the_demand_through_the_queue()
    {
        var slug = await TenantAsync("planfix-hook-shipment");
        var task = Planfix.AddTask(_account, "Заказ", Planfix.AddContact(_account, "Иван Петров", "ivan@shipment.example"));
        Assert.Equal(HttpStatusCode.OK, (await PressAsync(slug, $$"""{"action":"update-order","taskId":{{task}}}""", HookToken)).StatusCode);
        for (var i = 0; i < 300 && string.IsNullOrEmpty(Planfix.TaskValues(_account, task)[OrderFields.OrderId]?.ToString()); i++) await Task.Delay(100);
        Planfix.SetTaskStatus(_account, task, Planfix.StatusId(_account, "Отгружен"));

        var answer = await PressAsync(slug, $$"""{"action":"status-changed","taskId":{{task}}}""", HookToken);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        for (var i = 0; i < 300 && string.IsNullOrEmpty(Planfix.TaskValues(_account, task)[OrderFields.ShipmentId]?.ToString()); i++) await Task.Delay(100);
        var demand = Assert.Single(MoySklad.DemandsOf(_account));
        Assert.Equal(demand["id"]!.ToString(), Planfix.TaskValues(_account, task)[OrderFields.ShipmentId]!.ToString());
    }

    // Each test has its own accounts in the shared host's emulators.
    private string _account = "";
    private int _directory;
    private int _lineItems;

    private async Task<string> TenantAsync(string slug)
    {
        _account = slug;
        var msToken = $"ms-{slug}";
        var pfToken = $"pf-{slug}";
        MoySklad.RegisterToken(msToken, _account);
        MoySklad.Seed(_account, 2, 7);
        Planfix.RegisterToken(pfToken, _account);
        {
            _directory = Planfix.AddDirectory(_account, "Товары", ("Name", 0), ("Code", 0), ("Article", 0), ("Unit", 0), ("Stock", 1), ("Available", 1),
                ("Reserve", 1), ("External code", 0), ("Цена продажи", 1));
            foreach (var (name, type) in new[] { (OrderFields.Reserve, 7), (OrderFields.OrderLink, 0), (OrderFields.OrderId, 0), (OrderFields.Errors, 2),
                         (OrderFields.ShipmentLink, 0), (OrderFields.ShipmentId, 0), (OrderFields.ReturnLink, 0), (OrderFields.ReturnId, 0) })
                Planfix.AddTaskField(_account, name, type);
            Planfix.AddContactField(_account, OrderFields.ContactMoySkladId, 0);
            _lineItems = Planfix.AddDataTag(_account, "Товары заказа", (OrderFields.LineProduct, 9), (OrderFields.LineQuantity, 1), (OrderFields.LinePrice, 1));
        }
        var body = new JsonObject
        {
            ["name"] = slug, ["integration"] = "moysklad-planfix",
            ["connections"] = new JsonObject
            {
                ["moySklad"] = new JsonObject { ["baseUrl"] = MoySkladSandbox.BaseUrl(_host.Address), ["token"] = msToken },
                ["planfix"] = new JsonObject { ["baseUrl"] = PlanfixSandbox.BaseUrl(_host.Address), ["token"] = pfToken, ["hookToken"] = HookToken },
            },
            ["settings"] = new JsonObject
            {
                ["planfix"] = new JsonObject { ["productDirectoryId"] = _directory, ["lineItemsDataTagId"] = _lineItems },
                ["products"] = new JsonObject { ["priceTypes"] = new JsonArray("Цена продажи") },
                ["orders"] = new JsonObject { ["organizationId"] = MoySklad.OrganizationId(_account), ["storeId"] = MoySklad.StoreId(_account) },
                ["shipments"] = new JsonObject { ["atStatuses"] = new JsonArray(Planfix.StatusId(_account, "Отгружен")) },
            },
        };
        var saved = await _host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", body);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return slug;
    }

    private async Task<HttpResponseMessage> PressAsync(string slug, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{slug}/planfix") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Add("X-Koppel-Token", token);
        return await _host.Client(null).SendAsync(request);
    }
}
