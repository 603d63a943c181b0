using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;

/// <summary>
/// An emulator of the hub's assumed Okos-Ügyvitel contract under /sandbox/okos-ugyvitel: per-company data at
/// <c>/api/v1/companies/{companyId}</c> behind the company's <c>X-Api-Key</c>, and the emulator's own set-up call
/// <c>PUT /companies/{companyId}</c> that creates or resets a company. Okos-Ügyvitel publishes no API; this is
/// the contract the hub proposes, so the emulator is strict about it (unknown fields are refused).
/// </summary>
public sealed partial class OkosSandbox(TimeProvider clock) : SandboxSystem
{
    private readonly ConcurrentDictionary<string, OkosCompany> _companies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    public override string Segment => "okos-ugyvitel";

    /// <summary>Requests per second per company before 429 (the hub assumes 10; 0 = unlimited).</summary>
    public SandboxRateLimit RateLimit { get; } = new(clock, 20, TimeSpan.FromSeconds(1));

    /// <summary>Every contract call as "METHOD /path?query" (set-up calls excluded).</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Contract calls that change data.</summary>
    public int Writes => _requests.Count(r => !r.StartsWith("GET ", StringComparison.Ordinal));

    /// <summary>The address a connection's baseUrl takes to reach this emulator.</summary>
    public static string BaseUrl(Uri hub) => new Uri(hub, "sandbox/okos-ugyvitel").ToString();

    /// <summary>Creates or resets a company (the set-up call's C# form).</summary>
    public void Setup(string companyId, OkosSetup setup)
    {
        var company = new OkosCompany(companyId, setup.ApiKey);
        company.Warehouses.AddRange(setup.Warehouses.Select(w => (w.Id, w.Name)));
        company.Sequences.AddRange(setup.NumberingSequences.Select(s => new OkosCompany.Sequence(s.Code, s.Prefix)));
        company.VatKeys.AddRange(setup.VatKeys.Select(v => (v.Key, v.Rate)));
        _companies[companyId] = company;
    }

    /// <summary>The API key of a company made by <see cref="Seed"/>.</summary>
    public const string SeedKey = "sandbox-key";

    public override void Seed(string account, int size, int seed)
    {
        Setup(account, OkosSetup.Demo(SeedKey));
        var random = new Random(seed);
        With(account, company =>
        {
            for (var i = 1; i <= size; i++)
            {
                var code = $"P-{i:D5}";
                company.CreateProduct(code, $"Termék {i}", 1000m + random.Next(0, 9000));
                company.SetPhysical(code, "1", random.Next(0, 50));
            }
        });
    }

    public override void Reset()
    {
        _companies.Clear();
        _requests.Clear();
    }

    public override IResult TooManyRequests(int retryAfterSeconds, HttpContext http)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return OkosProblem.Answer(429, "Too many requests", "Slow down and try again after the time in Retry-After.");
    }

    public override IResult ServerError(HttpContext http) => OkosProblem.Answer(500, "Internal server error", "Injected by the sandbox.");

    /// <summary>Runs <paramref name="action"/> on a company under its lock (tests and the demo use it for ERP-side changes).</summary>
    public T With<T>(string companyId, Func<OkosCompanyView, T> action)
    {
        var company = _companies.GetValueOrDefault(companyId) ?? throw new KeyNotFoundException($"The emulator has no company {companyId}.");
        lock (company.Gate) return action(new OkosCompanyView(company));
    }

    public void With(string companyId, Action<OkosCompanyView> action) => With(companyId, c => { action(c); return 0; });

    public override void Map(RouteGroupBuilder api)
    {
        api.MapPut("/companies/{companyId}", async (string companyId, HttpRequest request) =>
        {
            try
            {
                var setup = await JsonSerializer.DeserializeAsync<OkosSetup>(request.Body, OkosSetup.Json) ?? throw new JsonException("empty");
                if (string.IsNullOrWhiteSpace(setup.ApiKey)) return OkosProblem.Field("apiKey", "This field is required.").Answer();
                Setup(companyId, setup);
                return Results.NoContent();
            }
            catch (JsonException e)
            {
                return OkosProblem.Field("body", $"The set-up body is not valid: {e.Message}").Answer();
            }
        });
        var company = api.MapGroup("/api/v1/companies/{companyId}");
        MapContract(company);
    }

    /// <summary>Checks the key and the rate limit, reads the body, and runs the call under the company's lock.</summary>
    private async Task<IResult> HandleAsync(HttpContext http, string companyId, Func<OkosCompany, JsonNode?, IResult> action)
    {
        var request = http.Request;
        _requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");
        if (!_companies.TryGetValue(companyId, out var company))
            return OkosProblem.Answer(404, "Not found", $"There is no company {companyId}.");
        if (request.Headers["X-Api-Key"].ToString() != company.ApiKey)
            return OkosProblem.Answer(401, "Unauthorized", "The X-Api-Key header is missing or not this company's key.");
        if (!RateLimit.TryTake(companyId))
            return TooManyRequests(RateLimit.SecondsLeft(), http);
        JsonNode? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try { body = await JsonNode.ParseAsync(request.Body); }
            catch (JsonException) { return OkosProblem.Field("body", "The body is not valid JSON.").Answer(); }
        }
        try
        {
            lock (company.Gate) return action(company, body);
        }
        catch (OkosProblem problem)
        {
            return problem.Answer();
        }
    }
}

/// <summary>The set-up call's body: a company's key and its fixed master data.</summary>
public sealed record OkosSetup(string ApiKey, IReadOnlyList<OkosSetup.Warehouse> Warehouses, IReadOnlyList<OkosSetup.NumberingSequence> NumberingSequences, IReadOnlyList<OkosSetup.VatKey> VatKeys)
{
    public sealed record Warehouse(string Id, string Name);
    public sealed record NumberingSequence(string Code, string Prefix);
    public sealed record VatKey(string Key, decimal Rate);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Two warehouses, two sequences and the Hungarian VAT keys: what the demo and most tests start from.</summary>
    public static OkosSetup Demo(string apiKey) => new(apiKey,
        [new("1", "Központi raktár"), new("2", "Bolt raktár")],
        [new("SR", "SR-"), new("UN", "UN-")],
        [new("27%", 27m), new("18%", 18m), new("5%", 5m), new("AAM", 0m)]);
}
