using System.Collections.Concurrent;
using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

/// <summary>
/// A hub with the Exact Online emulator on real HTTP, one connected division, a clock the test moves, and a
/// flow context whose stored secrets are captured in order.
/// </summary>
public sealed class ExactHub : IAsyncDisposable
{
    public const string Division = "2741850";
    public const string ClientSecret = "exact-client-secret-5521";

    public TestHub Hub { get; }
    public ManualClock Clock { get; }
    public ExactOnlineSandbox Exact => Hub.Get<ExactOnlineSandbox>();
    public SandboxFaults Faults => Hub.Get<SandboxFaults>();
    /// <summary>Unique per hub: the process-wide token cache is keyed by app.</summary>
    public string ClientId { get; } = "koppel-" + Guid.NewGuid().ToString("N")[..12];
    public string InitialRefreshToken { get; private set; } = "";
    public string BaseUrl => ExactOnlineSandbox.BaseUrl(Hub.BaseAddress);

    /// <summary>Every secret stored through the context, in order, with the API calls the emulator had seen at that moment.</summary>
    public ConcurrentQueue<(string System, string Name, string Value, int ApiCallsBefore)> Saved { get; } = new();

    private ExactHub(TestHub hub, ManualClock clock)
    {
        Hub = hub;
        Clock = clock;
    }

    public static async Task<ExactHub> StartAsync(int items = 0, int seed = 1, DateTimeOffset? start = null)
    {
        var clock = new ManualClock(start ?? new DateTimeOffset(2026, 3, 2, 9, 15, 5, TimeSpan.Zero));
        var hub = await TestHub.StartAsync(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddExactOnline();
        });
        var exact = new ExactHub(hub, clock);
        exact.InitialRefreshToken = exact.Exact.Connect(Division, exact.ClientId, ClientSecret);
        if (items > 0) exact.Exact.Seed(Division, items, seed);
        return exact;
    }

    /// <summary>The refresh token the tenant's connection holds now (the last one stored, else the first).</summary>
    public string StoredRefreshToken => Saved.LastOrDefault(s => s.Name == "refreshToken").Value ?? InitialRefreshToken;

    /// <summary>The tenant's stored connection secrets, as the database would hold them.</summary>
    public IConnectionStore Store => _store ??= new RecordingStore(this);
    private RecordingStore? _store;

    /// <summary>A customer enters another refresh token on the connection settings.</summary>
    public Task ReconnectAsync(string refreshToken) => Store.UpdateSecretsAsync(s =>
    {
        s.Clear();
        s["clientSecret"] = ClientSecret;
        s["refreshToken"] = refreshToken;
        return true;
    }, CancellationToken.None);

    /// <param name="refreshToken">The refresh token the run was handed when it started (by default the stored one).</param>
    public FlowContext Context(string? refreshToken = null) => new()
    {
        Tenant = new Tenant { Slug = "exact-test", Name = "Exact test", Integration = "exact-optiply" },
        Settings = new object(),
        Connections = new Dictionary<string, ConnectionInfo>
        {
            [ExactOnlineConnection.System] = new(ExactOnlineConnection.System,
                new Dictionary<string, string> { ["baseUrl"] = BaseUrl, ["clientId"] = ClientId, ["division"] = Division },
                new Dictionary<string, string> { ["clientSecret"] = ClientSecret, ["refreshToken"] = refreshToken ?? StoredRefreshToken })
            {
                Store = Store,
            },
        },
        Http = Hub.Get<ConnectorHttp>(),
        Links = new LinkLookup(Hub.Get<IDbContextFactory<KoppelDb>>(), 0),
        Clock = Clock,
    };

    /// <summary>Secrets in memory; every stored refresh token is recorded with the API calls the emulator had seen at that moment.</summary>
    private sealed class RecordingStore(ExactHub hub) : IConnectionStore
    {
        private readonly Lock _lock = new();
        private Dictionary<string, string>? _secrets;

        private Dictionary<string, string> Secrets => _secrets ??= new() { ["clientSecret"] = ClientSecret, ["refreshToken"] = hub.InitialRefreshToken };

        public Task<IReadOnlyDictionary<string, string>> ReadSecretsAsync(CancellationToken ct)
        {
            lock (_lock) return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(Secrets));
        }

        public Task<bool> UpdateSecretsAsync(Func<Dictionary<string, string>, bool> change, CancellationToken ct)
        {
            lock (_lock)
            {
                var copy = new Dictionary<string, string>(Secrets);
                if (!change(copy)) return Task.FromResult(false);
                if (copy.GetValueOrDefault("refreshToken") is { } token && token != Secrets.GetValueOrDefault("refreshToken"))
                    hub.Saved.Enqueue((ExactOnlineConnection.System, "refreshToken", token, hub.Exact.CountRequests("/api/v1/")));
                _secrets = copy;
                return Task.FromResult(true);
            }
        }
    }

    /// <summary>A GET on the emulator with a fresh access token, as a raw HTTP answer.</summary>
    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery)
    {
        _access ??= await ExactOnlineClient.Create(Context()).Tokens!.GetAsync(refresh: false, CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{BaseUrl}/{pathAndQuery.TrimStart('/')}");
        request.Headers.Authorization = new("Bearer", _access);
        request.Headers.Accept.ParseAdd("application/json");
        return await Raw.SendAsync(request);
    }

    /// <summary>A POST of JSON on the emulator, asking for the full entity back as Exact clients do.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, System.Text.Json.Nodes.JsonObject body)
    {
        _access ??= await ExactOnlineClient.Create(Context()).Tokens!.GetAsync(refresh: false, CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/{path.TrimStart('/')}")
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", _access);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.TryAddWithoutValidation("Prefer", "return=representation");
        return await Raw.SendAsync(request);
    }

    private string? _access;
    private static readonly HttpClient Raw = new();

    public void PlanFaults(FaultPlan plan) => Faults.Plan(ExactOnlineSandbox.SegmentName, plan);

    /// <summary>Reads a stream to its end, returning every page.</summary>
    public static async Task<List<SourcePage>> ReadAllAsync(ISourceStream stream, string? cursor = null)
    {
        var pages = new List<SourcePage>();
        await foreach (var page in stream.ReadAsync(cursor, CancellationToken.None)) pages.Add(page);
        return pages;
    }

    public static List<SourceRecord> Records(IEnumerable<SourcePage> pages) => pages.SelectMany(p => p.Records).ToList();

    public static string? LastCursor(IEnumerable<SourcePage> pages) => pages.LastOrDefault(p => p.Cursor is not null)?.Cursor;

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
