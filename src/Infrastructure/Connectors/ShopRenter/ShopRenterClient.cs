using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.ShopRenter;

/// <summary>One page of a ShopRenter list: <see cref="Page"/> is 0-based.</summary>
public sealed record ShopRenterPage(IReadOnlyList<JsonObject> Items, int Page, int PageCount)
{
    public bool IsLast => Page + 1 >= PageCount;
}

/// <summary>
/// ShopRenter's REST API for the hub's flows: orders (orderExtend, full, from an inner id on), products by SKU,
/// and product writes. Always asks for JSON (ShopRenter answers XML otherwise) and stays within 3 calls a second.
/// </summary>
public sealed class ShopRenterClient
{
    /// <summary>3 requests a second per application per shop; no Retry-After is documented, so the retries back off.</summary>
    public static readonly HttpPolicy Policy = new()
    {
        PermitsPerWindow = 3, Window = TimeSpan.FromSeconds(1), MaxRetries = 5,
        BaseDelay = TimeSpan.FromMilliseconds(500), AttemptTimeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The largest page ShopRenter serves.</summary>
    public const int MaxLimit = 200;

    private readonly HttpClient _http;

    public ShopRenterClient(ShopRenterAccount account, ConnectorHttp http, TimeProvider clock)
    {
        Account = account;
        Tokens = new ShopRenterTokenSource(account, http.Create($"shoprenter-token:{account.TokenUrl}:{account.ClientId}", Policy), clock);
        _http = http.Create(account.RateKey, Policy, Tokens);
    }

    public static ShopRenterClient For(ConnectionInfo connection, ConnectorHttp http, TimeProvider? clock = null) =>
        new(ShopRenterAccount.From(connection), http, clock ?? TimeProvider.System);

    public ShopRenterAccount Account { get; }
    public ShopRenterTokenSource Tokens { get; }

    /// <summary>
    /// Orders with an inner id of at least <paramref name="innerIdMin"/>, created at or after <paramref name="createdAtMin"/>,
    /// abandoned carts left out, each with its products, totals and coupon embedded.
    /// </summary>
    public Task<ShopRenterPage> OrdersAsync(long innerIdMin, DateTime? createdAtMin, int page, int limit = MaxLimit, CancellationToken ct = default)
    {
        var query = $"orderExtend?full=1&excludeAbandonedCart=1&innerIdMin={innerIdMin.ToString(CultureInfo.InvariantCulture)}&page={page}&limit={limit}";
        if (createdAtMin is { } since) query += $"&createdAtMin={since.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}";
        return PageAsync(query, "orders", ct);
    }

    /// <summary>One order (embedded like the list), or null when the shop has no such order.</summary>
    public async Task<JsonObject?> OrderAsync(string id, CancellationToken ct = default)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"orderExtend/{Uri.EscapeDataString(id)}", null, ct);
        if (status == HttpStatusCode.NotFound) return null;
        EnsureSuccess(status, body, $"order {id}");
        return Parse(body) as JsonObject ?? throw Unreadable(body);
    }

    /// <summary>The product with this SKU (ShopRenter keeps SKUs unique), or null.</summary>
    public async Task<JsonObject?> ProductBySkuAsync(string sku, CancellationToken ct = default) =>
        (await PageAsync($"products?full=1&sku={Uri.EscapeDataString(sku)}&limit=1", "products", ct)).Items.FirstOrDefault();

    public Task<ShopRenterPage> ProductsAsync(int page, int limit = MaxLimit, CancellationToken ct = default) =>
        PageAsync($"products?full=1&page={page}&limit={limit}", "products", ct);

    /// <summary>Writes only the given fields (strings, as ShopRenter takes them), e.g. stock1 or price.</summary>
    public async Task<JsonObject> UpdateProductAsync(string id, JsonObject fields, CancellationToken ct = default)
    {
        var (status, body) = await SendAsync(HttpMethod.Put, $"products/{Uri.EscapeDataString(id)}", fields, ct);
        EnsureSuccess(status, body, $"the change to product {id}");
        return Parse(body) as JsonObject ?? throw Unreadable(body);
    }

    private async Task<ShopRenterPage> PageAsync(string query, string what, CancellationToken ct)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, query, null, ct);
        EnsureSuccess(status, body, $"the list of {what}");
        var json = Parse(body);
        var items = (json["items"] as JsonArray ?? throw Unreadable(body)).OfType<JsonObject>().ToList();
        return new ShopRenterPage(items, IntOf(json["page"]), IntOf(json["pageCount"]));
    }

    private async Task<(HttpStatusCode, string)> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, $"{Account.ApiBaseUrl}/{path}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }
        catch (HttpRequestException e)
        {
            throw new RunStopped($"{Account} could not be reached at {Account.ApiBaseUrl}, even after several tries. The run will be tried again later.", e);
        }
    }

    private void EnsureSuccess(HttpStatusCode status, string body, string what)
    {
        var code = (int)status;
        if (code is >= 200 and < 300) return;
        var json = TryParse(body);
        var detail = json?["message"]?.ToString() is { Length: > 0 } m ? $"{m} ({json["code"]})" : $"HTTP {code}";
        throw code switch
        {
            401 or 403 => new RunStopped($"{Account} refused access ({detail}). Check the API client's scopes and secret on the webshop's connection."),
            429 => new RunStopped($"{Account} kept answering \"too many requests\" (its limit is 3 calls a second). The run goes on at the next one."),
            >= 500 => new SyncProblem($"{Account} had an internal error ({code}) with {what}, even after several tries. It will be tried again on the next run.", response: body),
            _ => new SyncProblem($"{Account} refused {what}: {detail}.", response: body),
        };
    }

    /// <summary>ShopRenter sends every scalar as a string ("3", "12.0000").</summary>
    public static decimal Decimal(JsonNode? node) =>
        decimal.TryParse(node?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0;

    private static int IntOf(JsonNode? node) => (int)Decimal(node);

    private static JsonNode? TryParse(string body)
    {
        try { return JsonNode.Parse(body); } catch (JsonException) { return null; }
    }

    private JsonNode Parse(string body) => TryParse(body) ?? throw Unreadable(body);

    private SyncProblem Unreadable(string body) =>
        new($"{Account} answered with something that is not JSON. It will be tried again on the next run.", response: body);
}
