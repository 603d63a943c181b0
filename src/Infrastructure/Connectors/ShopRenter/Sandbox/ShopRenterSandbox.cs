using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;

/// <summary>
/// An emulator of ShopRenter's REST API under /sandbox/shoprenter: the token endpoint at
/// <c>/oauth/{shopName}/app/token</c> (as on oauth.app.shoprenter.net) and each shop's API at
/// <c>/{shopName}/api</c> (as on {shopName}.api2.myshoprenter.hu/api), with 0-based paging, string scalars,
/// XML unless JSON is asked for, and 3 requests a second per client and shop.
/// </summary>
public sealed partial class ShopRenterSandbox(TimeProvider clock) : SandboxSystem
{
    private readonly ConcurrentDictionary<string, ShopRenterShop> _shops = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    public override string Segment => "shoprenter";

    /// <summary>ShopRenter's documented limit: 3 requests a second per application per shop (0 lifts it).</summary>
    public SandboxRateLimit RateLimit { get; } = new(clock, 3, TimeSpan.FromSeconds(1));

    /// <summary>Every API call as "METHOD /path?query" (token requests excluded).</summary>
    public IReadOnlyCollection<string> Requests => _requests;
    public int Writes => _requests.Count(r => !r.StartsWith("GET ", StringComparison.Ordinal));
    public int TokenRequests { get; private set; }

    public static string ApiBaseUrl(Uri hub, string shop) => new Uri(hub, $"sandbox/shoprenter/{shop}/api").ToString();
    public static string TokenUrl(Uri hub, string shop) => new Uri(hub, $"sandbox/shoprenter/oauth/{shop}/app/token").ToString();

    /// <summary>Creates the shop if needed and lets a custom API client obtain tokens for it.</summary>
    public void RegisterClient(string shop, string clientId, string clientSecret) => With(shop, s => s.Clients[clientId] = clientSecret);

    public int AddOrder(string shop, ShopRenterOrderSeed order) => With(shop, s => s.AddOrder(order));

    public void AddProduct(string shop, string sku, string name, decimal price, decimal stock1 = 0) =>
        With(shop, s => s.AddProduct(sku, name, price, stock1, clock.GetUtcNow().UtcDateTime));

    /// <summary>Changes a product's quantity (stock1) as a sale or the shop's admin would.</summary>
    public void SetStock(string shop, string sku, decimal stock1) => With(shop, s =>
    {
        var product = s.Products.Single(p => p.Sku == sku);
        product.Stock[0] = stock1;
        product.Updated = clock.GetUtcNow().UtcDateTime;
        return 0;
    });

    /// <summary>The shop's products as the API shows them (JSON, strings), for assertions.</summary>
    public IReadOnlyList<JsonObject> Products(string shop) => With(shop, s => s.Products.Select(p => s.RenderProduct(p, "")).ToList());

    /// <summary>Edits an order after it was placed (its dateUpdated moves).</summary>
    public void ChangeOrder(string shop, int innerId, Func<ShopRenterOrderSeed, ShopRenterOrderSeed> change) => With(shop, s =>
    {
        var i = s.Orders.FindIndex(o => o.InnerId == innerId);
        s.Orders[i] = (innerId, change(s.Orders[i].Seed), clock.GetUtcNow().UtcDateTime);
        return 0;
    });

    public override void Seed(string account, int size, int seed)
    {
        var random = new Random(seed);
        With(account, s =>
        {
            s.Orders.Clear();
            s.Products.Clear();
            for (var i = 1; i <= Math.Max(1, size / 10); i++) s.AddProduct($"P-{i:D5}", $"Termék {i}", 1000 + random.Next(9000), random.Next(20), clock.GetUtcNow().UtcDateTime);
            for (var i = 0; i < size; i++)
            {
                var product = s.Products[random.Next(s.Products.Count)];
                s.AddOrder(new ShopRenterOrderSeed
                {
                    Firstname = "Vevő", Lastname = $"{i}", Email = $"vevo{i}@example.hu", CustomerId = i % 3 == 0 ? 500 + i : null,
                    Created = new DateTime(2026, 12, 1, 8, 0, 0).AddMinutes(i),
                    Lines = [new(product.Sku, product.Name, 1 + random.Next(3), product.Price)],
                    Totals = [new("SHIPPING", "Szállítási díj", 1490)],
                });
            }
            return 0;
        });
    }

    public override void Reset()
    {
        _shops.Clear();
        _requests.Clear();
    }

    public override IResult TooManyRequests(int retryAfterSeconds, HttpContext http) =>
        ShopRenterFormat.Error(http.Request, StatusCodes.Status429TooManyRequests, 42900, "Too many requests");

    public override IResult ServerError(HttpContext http) =>
        ShopRenterFormat.Error(http.Request, StatusCodes.Status500InternalServerError, 50000, "Internal server error");

    private T With<T>(string shop, Func<ShopRenterShop, T> action)
    {
        var s = _shops.GetOrAdd(shop, name => new ShopRenterShop(name));
        lock (s.Gate) return action(s);
    }

    public override void Map(RouteGroupBuilder api)
    {
        api.MapPost("/oauth/{shop}/app/token", TokenAsync);
        var shop = api.MapGroup("/{shop}/api");
        shop.MapGet("/orderExtend", (HttpContext h, string shop) => Handle(h, shop, false, (s, q) => ListOrders(s, q, Api(h, shop))));
        shop.MapGet("/orderExtend/{id}", (HttpContext h, string shop, string id) => Handle(h, shop, false, (s, _) => OneOrder(s, id, Api(h, shop))));
        shop.MapGet("/products", (HttpContext h, string shop) => Handle(h, shop, false, (s, q) => ListProducts(s, q, Api(h, shop))));
        shop.MapGet("/products/{id}", (HttpContext h, string shop, string id) => Handle(h, shop, false, (s, _) => s.RenderProduct(FindProduct(s, id), Api(h, shop))));
        shop.MapPut("/products/{id}", (HttpContext h, string shop, string id) => HandleWrite(h, shop, id));
        shop.MapPost("/products/{id}", (HttpContext h, string shop, string id) => HandleWrite(h, shop, id));
    }

    private static string Api(HttpContext h, string shop) => $"{h.Request.Scheme}://{h.Request.Host}{h.Request.PathBase}/sandbox/shoprenter/{shop}/api";

    private async Task<IResult> TokenAsync(HttpContext http, string shop)
    {
        TokenRequests++;
        JsonNode? body = null;
        try { body = await JsonNode.ParseAsync(http.Request.Body); } catch (JsonException) { }
        var grant = body?["grant_type"]?.ToString();
        var clientId = body?["client_id"]?.ToString();
        var secret = body?["client_secret"]?.ToString();
        if (grant is null || clientId is null || secret is null)
            return Results.Json(new { error = "invalid_request", error_description = "The request is missing a required parameter.", hint = "Check grant_type, client_id and client_secret.", message = "The request is missing a required parameter." }, statusCode: 400);
        if (grant != "client_credentials")
            return Results.Json(new { error = "unsupported_grant_type", error_description = "The authorization grant type is not supported.", message = "The authorization grant type is not supported." }, statusCode: 400);
        if (!_shops.TryGetValue(shop, out var s) || !s.Clients.TryGetValue(clientId, out var known) || known != secret)
            return Results.Json(new { error = "invalid_client", error_description = "Client authentication failed", message = "Client authentication failed" }, statusCode: 401);
        var token = Tokens.Issue($"{shop}|{clientId}", TimeSpan.FromSeconds(3600));
        return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = token });
    }
}
