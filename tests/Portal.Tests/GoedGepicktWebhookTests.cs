using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>
/// GoedGepickt's real-time path through the real portal: the hub registers its webhooks when the connection is saved,
/// the emulator delivers signed events to /hooks/{tenant}/goedgepickt, and the queue writes them to Optiply.
/// </summary>
public sealed class GoedGepicktWebhookTests : IClassFixture<ApiHost>
{
    private const string Account = "gg-hooks";
    private const string Key = "gg-hooks-key";
    private const string OptiplyAccount = "3101";
    private readonly ApiHost _host;

    public GoedGepicktWebhookTests(ApiHost host) => _host = host;

    private GoedGepicktSandbox Gg => _host.Services.GetRequiredService<GoedGepicktSandbox>();
    private OptiplySandbox Optiply => _host.Services.GetRequiredService<OptiplySandbox>();

    private Task<string> TenantAsync(string slug) => GoedGepicktTenants.CreateAsync(_host, slug, Account, Key, OptiplyAccount);

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition());
    }

    [Fact]
    public async Task Saving_the_connection_registers_the_webhooks_and_a_stock_mutation_reaches_Optiply_once()
    {
        var slug = await TenantAsync("hooks-stock");
        var hooks = Gg.Webhooks(Account).Where(w => ((string)w["targetUrl"]!).EndsWith($"/hooks/{slug}/goedgepickt", StringComparison.Ordinal)).ToList();
        Assert.Equal(["order.statusChanged", "product.stockChanged", "product.updated"], hooks.Select(h => (string)h["webhookEvent"]!).Order());
        var product = Gg.AddProduct(Account, new JsonObject { ["sku"] = "HOOK-1", ["name"] = "Haak", ["stock"] = new JsonObject { ["freeStock"] = 4 } }, fire: false);
        var run = await _host.Client(ApiHost.SupportKey).PostAsync($"/api/v1/tenants/{slug}/flows/products/runs?wait=true", null);
        Assert.True(run.IsSuccessStatusCode);
        JsonObject? Written() => Optiply.Products(OptiplyAccount).SingleOrDefault(p => (string?)p["skuCode"] == "HOOK-1");

        Gg.SetFreeStock(Account, product["uuid"]!.ToString(), 17);
        await Gg.DeliveriesIdleAsync();

        await EventuallyAsync(() => (int?)Written()?["stockLevel"] == 17);
        var attempt = Gg.DeliveryAttempts.Last(a => a.TargetUrl.Contains(slug));
        Assert.Equal((200, 1), (attempt.Status, attempt.Attempt));

        // GG repeats a delivery it thinks failed: the same signed body again changes nothing.
        var writes = Optiply.Writes;
        var secret = (string)hooks.Single(h => (string?)h["webhookEvent"] == "product.stockChanged")["webhookSecret"]!;
        var repeated = await PostAsync(slug, attempt.Body, Sign(secret, attempt.Body));
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        await Task.Delay(1500);
        Assert.Equal(writes, Optiply.Writes);
    }

    /// <remarks>The intake keeps a tenant's secrets in memory for a while: a new one must still be taken at once.</remarks>
    [Fact]
    public async Task A_webhook_subscribed_again_with_a_new_secret_is_accepted_at_once()
    {
        var slug = await TenantAsync("hooks-new-secret");
        var product = Gg.AddProduct(Account, new JsonObject { ["sku"] = "HOOK-9", ["name"] = "Beugel", ["stock"] = new JsonObject { ["freeStock"] = 1 } }, fire: false);
        Assert.True((await _host.Client(ApiHost.SupportKey).PostAsync($"/api/v1/tenants/{slug}/flows/products/runs?wait=true", null)).IsSuccessStatusCode);
        JsonObject? Written() => Optiply.Products(OptiplyAccount).SingleOrDefault(p => (string?)p["skuCode"] == "HOOK-9");
        JsonObject StockHook() => Gg.Webhooks(Account).Single(w => (string?)w["webhookEvent"] == "product.stockChanged" && ((string)w["targetUrl"]!).Contains($"/hooks/{slug}/", StringComparison.Ordinal));
        Gg.SetFreeStock(Account, product["uuid"]!.ToString(), 5);
        await Gg.DeliveriesIdleAsync();
        await EventuallyAsync(() => (int?)Written()?["stockLevel"] == 5);

        // Someone deletes the webhook in GoedGepickt; the hub's check subscribes it again, and GoedGepickt gives it a new secret.
        var old = StockHook();
        Gg.RemoveWebhook(Account, (string)old["webhookUuid"]!);
        await _host.Services.GetRequiredService<Koppel.Infrastructure.Webhooks.WebhookRegistrar>().EnsureAsync(slug, CancellationToken.None);
        Assert.NotEqual((string)old["webhookSecret"]!, (string)StockHook()["webhookSecret"]!);

        Gg.SetFreeStock(Account, product["uuid"]!.ToString(), 8);
        await Gg.DeliveriesIdleAsync();
        var attempt = Gg.DeliveryAttempts.Last(a => a.TargetUrl.Contains($"/hooks/{slug}/", StringComparison.Ordinal));
        Assert.Equal((200, 1), (attempt.Status, attempt.Attempt));
        await EventuallyAsync(() => (int?)Written()?["stockLevel"] == 8);
        // The old secret no longer opens the door.
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(slug, attempt.Body, Sign((string)old["webhookSecret"]!, attempt.Body))).StatusCode);
    }

    [Fact]
    public async Task A_product_change_a_bundles_stock_and_a_new_order_delivered_by_GoedGepickt_reach_Optiply()
    {
        // An account of its own: GG delivers each event to every webhook of the account.
        const string account = "gg-hooks-events", optiplyAccount = "3102";
        var slug = await GoedGepicktTenants.CreateAsync(_host, "hooks-events", account, "gg-hooks-events-key", optiplyAccount);
        var coffee = Gg.AddProduct(account, new JsonObject { ["sku"] = "EV-1", ["name"] = "Koffie", ["price"] = "12.50", ["stock"] = new JsonObject { ["freeStock"] = 4 } }, fire: false);
        var box = Gg.AddProduct(account, new JsonObject { ["sku"] = "EV-BOX", ["name"] = "Proefdoos", ["type"] = "parent", ["stock"] = new JsonObject { ["freeStock"] = 2 } }, fire: false);
        Assert.True((await _host.Client(ApiHost.SupportKey).PostAsync($"/api/v1/tenants/{slug}/flows/products/runs?wait=true", null)).IsSuccessStatusCode);
        JsonObject? Product(string sku) => Optiply.Products(optiplyAccount).SingleOrDefault(p => (string?)p["skuCode"] == sku);

        Gg.ChangeProduct(account, coffee["uuid"]!.ToString(), p => p["name"] = "Koffie extra sterk");
        Gg.SetFreeStock(account, box["uuid"]!.ToString(), 7);
        var order = Gg.AddOrder(account, new JsonObject
        {
            ["orderNumber"] = "WS-9",
            ["products"] = new JsonArray(new JsonObject
            {
                ["productUuid"] = coffee["uuid"]!.ToString(), ["sku"] = "EV-1", ["productName"] = "Koffie", ["productQuantity"] = 2,
                ["type"] = "normal", ["price"] = "12.50", ["totalPrice"] = "25.00",
            }),
        });
        await Gg.DeliveriesIdleAsync();

        Assert.Equal(["compoundProductStockUpdated", "orderStatusChanged", "productUpdated"],
            Gg.DeliveryAttempts.Where(a => a.TargetUrl.Contains($"/hooks/{slug}/", StringComparison.Ordinal) && a.Status == 200)
                .Select(a => (string)JsonNode.Parse(a.Body)!["event"]!).Order());
        JsonObject? Sale() => Optiply.SellOrders(optiplyAccount).SingleOrDefault(o => o["remoteIdMap"]!.AsObject().Any(id => id.Value?.ToString() == order["uuid"]!.ToString()));
        await EventuallyAsync(() => (string?)Product("EV-1")?["name"] == "Koffie extra sterk" && (int?)Product("EV-BOX")?["stockLevel"] == 7 && Sale() is not null);
        var line = Assert.Single(Optiply.Records(optiplyAccount, "sellOrderLines"), l => l["sellOrderId"]!.ToString() == Sale()!["id"]!.ToString());
        Assert.Equal((Product("EV-1")!["id"]!.ToString(), 2), (line["productId"]!.ToString(), (int)line["quantity"]!));
    }

    [Fact]
    public async Task A_delivery_with_a_bad_or_missing_signature_is_refused_with_401()
    {
        var slug = await TenantAsync("hooks-signature");
        const string body = """{"event":"stockUpdated","productUuid":"00000000-0000-4000-8000-000000000001","productSku":"X","newStock":"1"}""";

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(slug, body, Sign("not-the-secret", body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(slug, body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync("no-such-tenant", body, null)).StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string slug, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{slug}/goedgepickt") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add("signature", signature);
        return await _host.Client(null).SendAsync(request);
    }

    private static string Sign(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
