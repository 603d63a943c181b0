using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.Unas.Sandbox;

/// <summary>
/// An emulator of the UNAS XML API under /sandbox/unas/shop/{function} (as api.unas.eu/shop): POST only, API-key
/// login handing out ~2 h tokens, getOrder capped at 500 orders, set* calls that stop at the first error, and the
/// IP ban after repeated failures. Each API key is one shop.
/// </summary>
public sealed class UnasSandbox(TimeProvider clock) : SandboxSystem
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);
    private readonly ConcurrentDictionary<string, UnasShop> _shops = new(StringComparer.Ordinal);
    private readonly UnasGuard _guard = new(clock);
    private readonly ConcurrentQueue<string> _requests = new();

    public override string Segment => "unas";

    public static string BaseUrl(Uri hub) => new Uri(hub, "sandbox/unas/shop").ToString();

    /// <summary>Every call as its function name, login included.</summary>
    public IReadOnlyCollection<string> Requests => _requests;
    public int Logins => _requests.Count(r => r == "login");
    public int Writes => _requests.Count(r => r.StartsWith("set", StringComparison.Ordinal));
    /// <summary>Functions the emulator banned (never expected from the hub).</summary>
    public IReadOnlyList<string> Bans => _guard.Bans;
    public int ConsecutiveFailures(string function) => _guard.ConsecutiveFailures(function);
    public Dictionary<string, int> HourlyLimits => _guard.HourlyLimits;

    /// <summary>Opens a shop reachable with <paramref name="apiKey"/> (PREMIUM plan).</summary>
    public void AddShop(string apiKey, string shopId) => _shops[apiKey] = new UnasShop(shopId, apiKey);

    public string AddOrder(string apiKey, UnasOrderSeed order) => With(apiKey, s =>
    {
        var id = s.AddOrder(order, Now);
        return s.Orders.Single(o => o.Id == id).Seed.Key;
    });

    /// <summary>Edits an order (its DateMod moves, as in UNAS).</summary>
    public void ChangeOrder(string apiKey, string key, Func<UnasOrderSeed, UnasOrderSeed> change) => With(apiKey, s =>
    {
        var i = s.Orders.FindIndex(o => o.Seed.Key == key);
        s.Orders[i] = (s.Orders[i].Id, change(s.Orders[i].Seed), Now);
        return 0;
    });

    public void AddProduct(string apiKey, string sku, string name, decimal normalNet, decimal mainStock = 0) => With(apiKey, s =>
    {
        var product = new UnasShop.Product { Id = s.Products.Count + 1, Sku = sku, Name = name, NormalNet = normalNet, MainStock = mainStock, Modified = Now };
        s.Products.Add(product);
        return 0;
    });

    /// <summary>The shop's products as getProduct answers them.</summary>
    public IReadOnlyList<XElement> Products(string apiKey) => With(apiKey, s => s.Products.Select(s.RenderProduct).ToList());

    public override void Seed(string account, int size, int seed)
    {
        AddShop(account, account);
        var random = new Random(seed);
        var products = Math.Max(1, size / 10);
        for (var i = 1; i <= products; i++) AddProduct(account, $"P-{i:D5}", $"Termék {i}", 1000 + random.Next(9000), random.Next(20));
        for (var i = 0; i < size; i++)
            AddOrder(account, new UnasOrderSeed
            {
                Name = $"Vásárló {i}", Email = $"vasarlo{i}@example.hu", CustomerId = i % 2 == 0 ? 700 + i : null,
                Date = new DateTime(2026, 12, 1, 8, 0, 0).AddMinutes(i), InvoiceStatus = i % 4 == 0 ? 0 : 1,
                Items = [new($"P-{1 + random.Next(products):D5}", "Termék", 1 + random.Next(3), 2500), new("shipping-cost", "Szállítási költség", 1, 1190)],
            });
    }

    public override void Reset()
    {
        _shops.Clear();
        _guard.Reset();
        _requests.Clear();
    }

    public override IResult TooManyRequests(int retryAfterSeconds, HttpContext http) => UnasXml.Error("Too many requests", StatusCodes.Status429TooManyRequests);
    public override IResult ServerError(HttpContext http) => UnasXml.Error("Internal server error", StatusCodes.Status500InternalServerError);

    public override void Map(RouteGroupBuilder api) => api.MapPost("/shop/{function}", HandleAsync);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private T With<T>(string apiKey, Func<UnasShop, T> action)
    {
        var shop = _shops.GetValueOrDefault(apiKey) ?? throw new KeyNotFoundException($"The UNAS emulator has no shop for that API key.");
        lock (shop.Gate) return action(shop);
    }

    private async Task<IResult> HandleAsync(HttpContext http, string function)
    {
        _requests.Enqueue(function);
        if (_guard.Admit(function) is { } refusal) return UnasXml.Error(refusal);
        var body = await UnasXml.ReadAsync(http.Request);
        var result = body is null ? Fail("Invalid XML") : Call(http, function, body);
        if (result.Failed) _guard.Failed(function);
        else _guard.Succeeded(function);
        return result.Answer;
    }

    private static (IResult Answer, bool Failed) Fail(string message, int status = StatusCodes.Status400BadRequest) => (UnasXml.Error(message, status), true);

    private (IResult Answer, bool Failed) Call(HttpContext http, string function, XElement body)
    {
        if (function == "login") return Login(body);
        var shopKey = Tokens.FromHeader(http.Request.Headers.Authorization.ToString());
        if (shopKey is null || !_shops.TryGetValue(shopKey, out var shop)) return Fail("Authentication Error: invalid or expired token", StatusCodes.Status401Unauthorized);
        try
        {
            lock (shop.Gate)
            {
                XElement answer = function switch
                {
                    "getOrder" => shop.GetOrder(body),
                    "getProduct" => shop.GetProduct(body),
                    "getWarehouse" => shop.GetWarehouse(),
                    "setProduct" => shop.SetProduct(body, Now),
                    "setStock" => shop.SetStock(body, Now),
                    _ => throw new UnasFault($"Unknown function: {function}", StatusCodes.Status404NotFound),
                };
                // A set* call whose entity failed answers 200, but UNAS counts it as a failed call of that function.
                var failed = answer.Elements("Product").Any(p => p.Element("Status")?.Value == "error");
                return (UnasXml.Answer(answer), failed);
            }
        }
        catch (UnasFault e)
        {
            return Fail(e.Message, e.Status);
        }
    }

    private (IResult, bool) Login(XElement body)
    {
        var key = body.Element("ApiKey")?.Value;
        if (key is null || !_shops.TryGetValue(key, out var shop)) return Fail("Login Error: invalid ApiKey");
        var expires = clock.GetUtcNow() + TokenLifetime;
        var token = Tokens.Issue(key, TokenLifetime);
        var answer = new XElement("Login",
            new XElement("Token", token),
            new XElement("Expire", expires.ToLocalTime().ToString("yyyy.MM.dd HH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement("ExpireTime", expires.ToUnixTimeSeconds()),
            new XElement("Status", "ok"), new XElement("ShopId", shop.ShopId), new XElement("Subscription", "premium"),
            new XElement("Permissions", new[] { "getOrder", "getProduct", "setProduct", "setStock", "getWarehouse" }.Select(p => new XElement("Permission", p))));
        return (UnasXml.Answer(answer), false);
    }
}
