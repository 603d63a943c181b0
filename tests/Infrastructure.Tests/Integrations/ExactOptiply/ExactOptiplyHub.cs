using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

/// <summary>
/// A hub with a tenant of the Exact Online ↔ Optiply integration whose connections point at this hub's own
/// emulators over loopback HTTP: flows run exactly as in production, and tests assert what the emulators hold.
/// </summary>
public sealed class ExactOptiplyHub : IAsyncDisposable
{
    public const string Slug = "acme";
    public const string Division = "310520";
    public const string Account = OptiplyDemoLogin.AccountId;
    private const string ClientSecret = "acme-exact-secret-1";

    public TestHub Hub { get; }
    public ExactOnlineSandbox Exact => Hub.Get<ExactOnlineSandbox>();
    public OptiplySandbox Optiply => Hub.Get<OptiplySandbox>();
    public SandboxFaults Faults => Hub.Get<SandboxFaults>();

    private ExactOptiplyHub(TestHub hub) => Hub = hub;

    /// <param name="items">Size of the generated Exact division (suppliers, orders etc. scale with it).</param>
    /// <param name="settings">The tenant's options as the admin API takes them; null keeps the seed's defaults.</param>
    /// <param name="clock">A clock the test controls (the emulators and the runner use it).</param>
    /// <param name="database">A database of the test's own (e.g. PostgreSQL); by default a fresh SQLite file.</param>
    public static async Task<ExactOptiplyHub> StartAsync(int items = 40, JsonObject? settings = null, int seed = 7, TimeProvider? clock = null,
        TestDatabase? database = null)
    {
        var hub = await TestHub.StartAsync(s =>
        {
            if (clock is not null) s.AddSingleton(clock);
        }, database?.Provider.ToString() ?? "Sqlite", database?.ConnectionString);
        var result = new ExactOptiplyHub(hub);
        // Unique per hub: Exact access tokens are cached process-wide by app.
        var clientId = "acme-" + Guid.NewGuid().ToString("N")[..12];
        result.Exact.Seed(Division, items, seed);
        var refreshToken = result.Exact.Connect(Division, clientId, ClientSecret);
        var connections = new Dictionary<string, Dictionary<string, string?>>
        {
            [ExactOnlineConnection.System] = new()
            {
                ["baseUrl"] = ExactOnlineSandbox.BaseUrl(hub.BaseAddress), ["clientId"] = clientId, ["clientSecret"] = ClientSecret,
                ["refreshToken"] = refreshToken, ["division"] = Division,
            },
            [OptiplyAccount.System] = new()
            {
                ["baseUrl"] = OptiplyDemoLogin.BaseUrl(hub.BaseAddress), ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(hub.BaseAddress),
                ["clientId"] = OptiplyDemoLogin.ClientId, ["clientSecret"] = OptiplyDemoLogin.ClientSecret,
                ["username"] = OptiplyDemoLogin.Username, ["password"] = OptiplyDemoLogin.Password,
                ["accountId"] = Account, ["couplingId"] = OptiplyDemoLogin.CouplingId,
            },
        };
        await hub.Get<TenantService>().UpsertAsync(Slug, new TenantInput("Acme", ExactOptiplyIntegration.Key, connections, settings), default);
        return result;
    }

    public Task<SyncRun> RunAsync(string flow, RunMode mode = RunMode.Incremental) =>
        Hub.Get<RunLauncher>().RunAsync(Slug, flow, new RunRequest(mode), CancellationToken.None);

    public Task<SyncRun> ResyncRecordAsync(string flow, string sourceId) =>
        Hub.Get<RunLauncher>().RunAsync(Slug, flow, new RunRequest(RunMode.SingleRecord, SourceId: sourceId), CancellationToken.None);

    /// <summary>Changes options the way the admin API does (switch options update the mapping too).</summary>
    public Task SetSettingsAsync(JsonObject settings) =>
        Hub.Get<TenantService>().UpsertAsync(Slug, new TenantInput(null, null, null, settings), default);

    public async Task<List<SyncLogEntry>> LogAsync(long? runId = null)
    {
        await using var db = await Hub.DbAsync();
        return await db.SyncLog.AsNoTracking().Where(e => runId == null || e.RunId == runId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>An Exact row of an entity set by a field's value (e.g. the item with Code "ART-00003").</summary>
    public JsonObject ExactRow(string set, string field, string value) =>
        Exact.Rows(Division, set).Single(r => string.Equals(r[field]?.ToString(), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The Optiply record written for an Exact id: Optiply keeps remote ids per coupling, in remoteIdMap.</summary>
    public JsonObject? OptiplyByRemoteId(string type, string remoteId) =>
        Optiply.Records(Account, type).SingleOrDefault(r =>
            string.Equals(r["remoteIdMap"]?[OptiplyDemoLogin.CouplingId]?.ToString(), remoteId, StringComparison.OrdinalIgnoreCase));

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
