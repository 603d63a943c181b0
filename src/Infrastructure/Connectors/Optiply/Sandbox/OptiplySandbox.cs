using System.Globalization;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>
/// An emulator of Optiply's public API under /sandbox/optiply: the token endpoint at
/// <c>/api/auth/oauth/token</c> (as on dashboard.optiply.nl) and the JSON:API resources at <c>/v1</c>
/// (as on api.optiply.com), with data per account, paging, filters, Optiply's validation and errors.
/// Logins: <see cref="OptiplyDemoLogin"/> always works; tests add their own with RegisterClient/RegisterUser.
/// </summary>
public sealed class OptiplySandbox : SandboxSystem
{
    private readonly SandboxFaults _faults;
    private readonly TimeProvider _clock;
    private readonly OptiplyStore _store;
    private readonly OptiplyLogins _logins;
    private readonly OptiplyRateLimit _rateLimit;

    public OptiplySandbox(SandboxFaults faults, TimeProvider clock)
    {
        _faults = faults;
        _clock = clock;
        _store = new OptiplyStore(clock);
        _logins = new OptiplyLogins(Tokens);
        _rateLimit = new OptiplyRateLimit(clock);
        RegisterClient(OptiplyDemoLogin.ClientId, OptiplyDemoLogin.ClientSecret);
        RegisterUser(OptiplyDemoLogin.Username, OptiplyDemoLogin.Password, OptiplyDemoLogin.AccountId);
    }

    public override string Segment => "optiply";

    /// <summary>Empties one account, as a start of the hub empties them all (the emulator keeps its data in memory).</summary>
    public void Clear(string accountId) => _store.Clear(accountId);

    /// <summary>Lets an API client (client id and secret) obtain tokens.</summary>
    public void RegisterClient(string clientId, string clientSecret) => _logins.RegisterClient(clientId, clientSecret);

    /// <summary>Adds (or replaces) a user who signs in to <paramref name="accountId"/>'s data.</summary>
    public void RegisterUser(string username, string password, string accountId) => _logins.RegisterUser(username, password, accountId);

    /// <summary>The expires_in of issued tokens (default one hour).</summary>
    public TimeSpan TokenLifetime { get => _logins.Lifetime; set => _logins.Lifetime = value; }

    /// <summary>Requests per second per account before 429 (default 20; 0 = unlimited).</summary>
    public int RequestsPerSecond { get => _rateLimit.PerSecond; set => _rateLimit.PerSecond = value; }

    /// <summary>How many token requests arrived (to check that clients cache and refresh tokens).</summary>
    public int TokenRequests => _logins.Requests;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _requests = new();

    /// <summary>Every API call as "METHOD /path?query" (token requests excluded), for tests that count calls.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>API calls that change data (POST, PATCH, PUT, DELETE).</summary>
    public int Writes => _requests.Count(r => !r.StartsWith("GET ", StringComparison.Ordinal));

    public IReadOnlyList<JsonObject> Products(string account) => Records(account, "products");
    public IReadOnlyList<JsonObject> Suppliers(string account) => Records(account, "suppliers");
    public IReadOnlyList<JsonObject> SupplierProducts(string account) => Records(account, "supplierProducts");
    public IReadOnlyList<JsonObject> BuyOrders(string account) => Records(account, "buyOrders");
    public IReadOnlyList<JsonObject> BuyOrderLines(string account) => Records(account, "buyOrderLines");
    public IReadOnlyList<JsonObject> SellOrders(string account) => Records(account, "sellOrders");

    /// <summary>
    /// What the account holds of one resource type (e.g. "receiptLines"), flat: <c>id</c> (text) plus the
    /// attributes as the API reads them (money as text, <c>remoteIdMap</c> by coupling id).
    /// </summary>
    public IReadOnlyList<JsonObject> Records(string account, string type) =>
        _store.All(account, type).Select(r =>
        {
            var flat = new JsonObject { ["id"] = r.Id.ToString(CultureInfo.InvariantCulture) };
            foreach (var (name, value) in r.Attributes) flat[name] = value?.DeepClone();
            // Through JSON text, so values convert exactly as a reader of the API's answer sees them.
            return (JsonObject)JsonNode.Parse(flat.ToJsonString())!;
        }).ToList();

    /// <summary>Stores a record as if created through the API (validated the same way); returns its id.</summary>
    public string Add(string account, string type, JsonObject attributes, string? couplingId = null)
    {
        var resource = OptiplyResourceTypes.All.GetValueOrDefault(type) ?? throw new ArgumentException($"Optiply has no resource {type}.", nameof(type));
        try
        {
            var input = (JsonObject)JsonNode.Parse(attributes.ToJsonString())!;
            return _store.Create(account, resource, input, couplingId, fromApi: true).ToString(CultureInfo.InvariantCulture);
        }
        catch (OptiplyError e)
        {
            throw new InvalidOperationException($"Optiply would refuse this {type} record: {e.Message}", e);
        }
    }

    public override void Seed(string account, int size, int seed) => OptiplySeedData.Fill(_store, account, size, seed, _clock.GetUtcNow());

    public override void Reset()
    {
        _store.Reset();
        _requests.Clear();
    }

    public override IResult TooManyRequests(int retryAfterSeconds, HttpContext http)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return OptiplyError.Answer(StatusCodes.Status429TooManyRequests, "Too many requests, slow down and retry later");
    }

    public override IResult ServerError(HttpContext http) =>
        OptiplyError.Answer(StatusCodes.Status500InternalServerError, "Internal server error");

    public override void Map(RouteGroupBuilder api)
    {
        // The paths mirror dashboard.optiply.nl/api/auth/oauth/token and api.optiply.com/v1.
        api.MapPost("/api/auth/oauth/token", (HttpRequest request) => _logins.TokenAsync(request));
        var v1 = api.MapGroup("/v1");
        v1.AddEndpointFilter((context, next) =>
        {
            var request = context.HttpContext.Request;
            _requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
            return next(context);
        });
        new OptiplyApi(_store, _rateLimit, Tokens, () => _faults.TakeMalformed(Segment), TooManyRequests).Map(v1);
    }
}
