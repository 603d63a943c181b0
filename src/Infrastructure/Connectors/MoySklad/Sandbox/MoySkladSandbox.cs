using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// An emulator of MoySklad's JSON API remap 1.2 under /sandbox/moysklad/api/remap/1.2: 415 without
/// <c>Accept-Encoding: gzip</c>, bearer tokens per account, the 45-units-per-3-s bucket with its headers, absolute
/// meta hrefs, kopecks, Moscow time, the filter grammar, limit/offset paging, batch, syncId, the stock report and
/// webhooks. Accounts are created by <see cref="RegisterToken"/> (the demo token always works).
/// </summary>
public sealed partial class MoySkladSandbox : SandboxSystem
{
    public const string ApiPath = "/sandbox/moysklad/api/remap/1.2";
    public const string DemoToken = "koppel-demo-moysklad-token";
    public const string DemoAccount = "demo";

    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly ConcurrentDictionary<string, MoySkladAccountData> _accounts = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly MoySkladRateBucket _bucket;
    internal MoySkladProducts Products { get; }
    internal MoySkladWebhooks Webhooks { get; }
    internal MoySkladDocuments Documents { get; }
    internal MoySkladBasedDocuments Based { get; }
    internal MoySkladPrints Prints { get; } = new();
    internal TimeProvider Clock { get; }

    public MoySkladSandbox(TimeProvider clock)
    {
        Clock = clock;
        _bucket = new MoySkladRateBucket(clock);
        Webhooks = new MoySkladWebhooks(clock);
        Products = new MoySkladProducts(clock, Webhooks);
        Documents = new MoySkladDocuments(clock);
        Based = new MoySkladBasedDocuments(Documents, clock);
        RegisterToken(DemoToken, DemoAccount);
    }

    public override string Segment => "moysklad";

    /// <summary>The API address for a hub listening at <paramref name="hub"/>.</summary>
    public static string BaseUrl(Uri hub) => new Uri(hub, ApiPath.TrimStart('/')).ToString();

    /// <summary>Lets <paramref name="token"/> act as a user of <paramref name="account"/> (created empty if new).</summary>
    public void RegisterToken(string token, string account)
    {
        _tokens[token] = account;
        Account(account);
    }

    /// <summary>Units a request weighs (4 for user tokens since 2026-12-01); 0 lifts the bucket.</summary>
    public int UnitsPerRequest { get => _bucket.UnitsPerRequest; set => _bucket.UnitsPerRequest = value; }

    /// <summary>Every API call as "METHOD /path?query" (relative to the API root).</summary>
    public IReadOnlyCollection<string> Requests => _requests;
    public int Writes => _requests.Count(r => !r.StartsWith("GET ", StringComparison.Ordinal));

    public IReadOnlyCollection<MoySkladDelivery> Deliveries => Webhooks.Delivered;
    /// <summary>Drops webhook notifications instead of sending them (the missed call reconciliation repairs).</summary>
    public bool LoseWebhooks { get => Webhooks.Lose; set => Webhooks.Lose = value; }
    public Task DeliveriesSentAsync() => Webhooks.DrainAsync();

    public override void Seed(string account, int size, int seed)
    {
        var data = new MoySkladAccountData(Account(account).AccountId);
        _accounts[account] = data;
        MoySkladSeedData.Fill(data, Products, size, seed, Clock.GetUtcNow());
    }

    public override void Reset()
    {
        foreach (var key in _accounts.Keys) _accounts[key] = new MoySkladAccountData(_accounts[key].AccountId);
        _requests.Clear();
        _bucket.Reset();
        Webhooks.Reset();
    }

    internal MoySkladAccountData Account(string account) =>
        _accounts.GetOrAdd(account, _ => new MoySkladAccountData(Guid.NewGuid().ToString("D")));

    internal MoySkladAccountData AccountOf(HttpContext http) => (MoySkladAccountData)http.Items[nameof(MoySkladAccountData)]!;

    public override IResult TooManyRequests(int retryAfterSeconds, HttpContext http)
    {
        var ms = (retryAfterSeconds * 1000).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Limit"] = MoySkladRateBucket.Capacity.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining"] = "0";
        http.Response.Headers["X-Lognex-Retry-TimeInterval"] = "3000";
        http.Response.Headers["X-Lognex-Reset"] = ms;
        http.Response.Headers["X-Lognex-Retry-After"] = ms;
        return MoySkladAnswer.Error(MoySkladError.RateLimited());
    }

    public override IResult ServerError(HttpContext http) =>
        MoySkladAnswer.Error(new MoySkladError(500, 0, "Внутренняя ошибка сервера (эмулятор)"));

    public override void Map(RouteGroupBuilder api)
    {
        // The printed file's temporary address: no token, no gzip rule, as MoySklad's own download links.
        api.MapGet("/download/{token}", (string token) => Prints.Download(token));
        var remap = api.MapGroup("/api/remap/1.2");
        remap.AddEndpointFilter(async (context, next) => Admit(context.HttpContext) ?? await next(context));
        new MoySkladApi(this).Map(remap);
    }

    /// <summary>The gzip rule, the token and the bucket, in MoySklad's order; null lets the call through.</summary>
    private IResult? Admit(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value!;
        var relative = path[(path.IndexOf("/api/remap/1.2", StringComparison.Ordinal) + "/api/remap/1.2".Length)..];
        _requests.Enqueue($"{request.Method} {relative}{request.QueryString}");
        var apiBase = MoySkladAnswer.ApiBase(request);
        Webhooks.Absolute = text => text.Replace("\"" + MoySkladAccountData.Host, "\"" + apiBase, StringComparison.Ordinal);
        if (!request.Headers.AcceptEncoding.Any(v => v?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true))
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
        if (token is null || !_tokens.TryGetValue(token, out var account))
            return MoySkladAnswer.Error(MoySkladError.Unauthorized());
        var weight = relative is "/report/stock/all" or "/report/stock/bystore" ? Math.Max(5, UnitsPerRequest) : UnitsPerRequest;
        var answer = _bucket.Take(token, weight);
        http.Response.Headers["X-RateLimit-Limit"] = MoySkladRateBucket.Capacity.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining"] = answer.Remaining.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Lognex-Retry-TimeInterval"] = "3000";
        http.Response.Headers["X-Lognex-Reset"] = answer.ResetMs.ToString(CultureInfo.InvariantCulture);
        if (!answer.Allowed)
        {
            http.Response.Headers["X-Lognex-Retry-After"] = answer.RetryAfterMs.ToString(CultureInfo.InvariantCulture);
            return MoySkladAnswer.Error(MoySkladError.RateLimited());
        }
        http.Items[nameof(MoySkladAccountData)] = Account(account);
        return null;
    }

    // ---- What a user does in MoySklad's own screens (tests and the demo use these) ----

    /// <summary>The account's products as the API shows them (hrefs relative to the API root).</summary>
    public IReadOnlyList<JsonObject> ProductsOf(string account)
    {
        var data = Account(account);
        lock (data.Gate) return data.Products.Values.Select(p => p.DeepClone().AsObject()).ToList();
    }

    public JsonObject Product(string account, string code) => ProductsOf(account).Single(p => p["code"]?.ToString() == code);

    /// <summary>Creates or changes a product the way a user's edit does (fires webhooks, bumps updated).</summary>
    public JsonObject SaveProduct(string account, JsonObject fields, string? id = null)
    {
        var data = Account(account);
        lock (data.Gate)
            return (id is null ? Products.Create(data, fields, []) : Products.Update(data, id, fields, [])).DeepClone().AsObject();
    }

    public void DeleteProduct(string account, string id)
    {
        var data = Account(account);
        lock (data.Gate) Products.Delete(data, id, []);
    }

    /// <summary>Sets a product's stock figures (as a supply, order or demand would) and marks it changed now.</summary>
    public void SetStock(string account, string productId, decimal stock, decimal reserve = 0, decimal inTransit = 0)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var row = data.StockOf(productId);
            (row.Stock, row.Reserve, row.InTransit, row.Changed) = (stock, reserve, inTransit, Clock.GetUtcNow());
        }
    }

    /// <summary>Calls the account's stock webhooks with a report of what changed since <paramref name="since"/>.</summary>
    public void FireStockWebhooks(string account, DateTimeOffset since)
    {
        var data = Account(account);
        lock (data.Gate) Webhooks.NotifyStock(data, since);
    }

    public IReadOnlyList<JsonObject> WebhooksOf(string account)
    {
        var data = Account(account);
        lock (data.Gate) return data.Webhooks.Values.Concat(data.StockWebhooks.Values).Select(w => w.DeepClone().AsObject()).ToList();
    }

    public string PriceTypeHref(string account, string name)
    {
        var data = Account(account);
        lock (data.Gate) return data.PriceTypes.Single(p => p["name"]!.ToString() == name)["meta"]!["href"]!.ToString();
    }

    public string AttributeId(string account, string name)
    {
        var data = Account(account);
        lock (data.Gate) return data.ProductAttributes.Single(p => p["name"]!.ToString() == name)["id"]!.ToString();
    }
}
