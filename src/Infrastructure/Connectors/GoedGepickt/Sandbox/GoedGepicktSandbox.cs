using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;

/// <summary>
/// An emulator of GoedGepickt's REST API under /sandbox/goedgepickt/api/v1: bearer API keys per account (optionally
/// bound to a fulfilment customer), <c>items</c> + <c>pageInfo</c> lists, the per-IP limit with GG's 429, webhooks
/// signed with HMAC-SHA256 and retried up to 10 attempts. Supplier and purchase-order endpoints follow the shapes
/// the hub assumes (GG has not published them), kept in <see cref="GgApi"/> so they can be corrected in one place.
/// </summary>
public sealed partial class GoedGepicktSandbox : SandboxSystem
{
    private readonly ConcurrentDictionary<string, GgAccount> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Account, string? FulfilmentCustomer)> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly GgRateLimit _rateLimit;
    private readonly GgWebhookSender _sender = new();
    private readonly TimeProvider _clock;

    public GoedGepicktSandbox(TimeProvider clock)
    {
        _clock = clock;
        _rateLimit = new GgRateLimit(clock);
    }

    public override string Segment => "goedgepickt";

    /// <summary>The API root below the hub's address, e.g. "https://hub.example/sandbox/goedgepickt/api/v1".</summary>
    public static string BaseUrl(Uri hub) => new Uri(hub, "sandbox/goedgepickt/api/v1").ToString();

    /// <summary>Lets <paramref name="apiKey"/> reach <paramref name="account"/>; a fulfilment key sees only that customer's data.</summary>
    public void RegisterKey(string apiKey, string account, string? fulfilmentCustomerUuid = null)
    {
        _keys[apiKey] = (account, fulfilmentCustomerUuid);
        Account(account);
    }

    /// <summary>Requests per window per calling IP before 429 (default 150; 0 = unlimited).</summary>
    public int RequestsPerWindow { get => _rateLimit.PerWindow; set => _rateLimit.PerWindow = value; }
    public TimeSpan RateWindow { get => _rateLimit.Window; set => _rateLimit.Window = value; }
    /// <summary>Requests answered 429 "Too Many Attempts." so far, as GG's callers would see them.</summary>
    public int TooManyAttemptsAnswered => _rateLimit.Refused;

    /// <summary>Pause unit between webhook attempts (attempt n waits n times this).</summary>
    public TimeSpan WebhookPause { get => _sender.Pause; set => _sender.Pause = value; }

    /// <summary>Every API call as "METHOD /path?query".</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Every webhook delivery attempt, as GG's webhook log shows them.</summary>
    public IReadOnlyCollection<GgDeliveryAttempt> DeliveryAttempts => _sender.Attempts;

    /// <summary>Waits until every webhook delivery sent so far was answered 200 or gave up after 10 attempts.</summary>
    public Task DeliveriesIdleAsync() => _sender.IdleAsync();

    public IReadOnlyList<JsonObject> Products(string account) => Read(account, a => a.Products.Values.Select(Copy).ToList());
    public IReadOnlyList<JsonObject> Suppliers(string account) => Read(account, a => a.Suppliers.Values.Select(Copy).ToList());
    public IReadOnlyList<JsonObject> Orders(string account) => Read(account, a => a.Orders.Values.Select(Copy).ToList());
    public IReadOnlyList<JsonObject> PurchaseOrders(string account) => Read(account, a => a.PurchaseOrders.Values.Select(Copy).ToList());
    public IReadOnlyList<JsonObject> Webhooks(string account) => Read(account, a => a.Webhooks.Values.Select(Copy).ToList());

    public override void Seed(string account, int size, int seed)
    {
        _accounts[account] = new GgAccount();
        GgSeedData.Fill(this, account, size, seed, _clock.GetUtcNow());
    }

    public override void Reset()
    {
        _accounts.Clear();
        _requests.Clear();
    }

    /// <summary>GG's 429: Laravel's "Too Many Attempts." and no Retry-After header.</summary>
    public override IResult TooManyRequests(int retryAfterSeconds, HttpContext http) =>
        Results.Json(new { message = "Too Many Attempts." }, statusCode: StatusCodes.Status429TooManyRequests);

    public override IResult ServerError(HttpContext http) =>
        Results.Json(new { message = "Server Error" }, statusCode: StatusCodes.Status500InternalServerError);

    public override void Map(RouteGroupBuilder api)
    {
        var v1 = api.MapGroup("/api/v1");
        v1.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            _requests.Enqueue($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
            var ip = http.Connection.RemoteIpAddress?.ToString() ?? "?";
            if (!_rateLimit.TryTake(ip)) return (object?)TooManyRequests(0, http);
            var header = http.Request.Headers.Authorization.ToString();
            var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
            if (key is null || !_keys.TryGetValue(key, out var caller))
                return Results.Json(new { error = "Unauthenticated." }, statusCode: StatusCodes.Status401Unauthorized);
            http.Items[CallerKey] = new GgCaller(caller.Account, caller.FulfilmentCustomer);
            return await next(context);
        });
        new GgApi(this).Map(v1);
    }

    internal const string CallerKey = "gg-caller";

    internal GgAccount Account(string account) => _accounts.GetOrAdd(account, _ => new GgAccount());

    internal T Read<T>(string account, Func<GgAccount, T> read)
    {
        var data = Account(account);
        lock (data.Gate) return read(data);
    }

    internal JsonObject Write(string account, Func<GgAccount, JsonObject> write)
    {
        var data = Account(account);
        lock (data.Gate) return write(data);
    }

    internal static JsonObject Copy(JsonObject o) => (JsonObject)o.DeepClone();

    internal DateTimeOffset Now => _clock.GetUtcNow();
}

/// <summary>Whose key made the request: the account, and the fulfilment customer the key is bound to (if any).</summary>
internal sealed record GgCaller(string Account, string? FulfilmentCustomer);
