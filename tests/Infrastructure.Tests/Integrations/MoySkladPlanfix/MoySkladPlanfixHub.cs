using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>
/// A hub with a MoySklad ↔ Planfix tenant whose connections point at this hub's own emulators over loopback HTTP,
/// and a Planfix product directory with the fixed fields, both sale price types and a "Brand" field.
/// The hub's request pacing and the emulators' limits are lifted unless a test asks for them (Planfix allows one
/// call a second); the pacing itself is covered by the connector tests.
/// </summary>
public sealed class MoySkladPlanfixHub : IAsyncDisposable
{
    public const string Slug = "acme";
    public const string Account = "acme";
    public const string Brand = "Brand";
    private readonly string _moySkladToken = "ms-" + Guid.NewGuid().ToString("N");
    private readonly string _planfixToken = "pf-" + Guid.NewGuid().ToString("N");

    public TestHub Hub { get; }
    public MoySkladSandbox MoySklad => Hub.Get<MoySkladSandbox>();
    public PlanfixSandbox Planfix => Hub.Get<PlanfixSandbox>();
    public SandboxFaults Faults => Hub.Get<SandboxFaults>();
    public int Directory { get; private set; }

    private MoySkladPlanfixHub(TestHub hub) => Hub = hub;

    /// <param name="directoryFields">Leave out fixed fields to test the missing-field check; null gives them all.</param>
    /// <param name="planfixClock">Planfix's own clock (its task modification dates), when a test moves it by hand.</param>
    public static async Task<MoySkladPlanfixHub> StartAsync(int products = 6, JsonObject? settings = null, bool paced = false, string[]? directoryFields = null,
        TimeProvider? planfixClock = null)
    {
        var hub = await TestHub.StartAsync(s =>
        {
            if (!paced) s.AddSingleton(sp => new ConnectorHttp(sp.GetRequiredService<ILoggerFactory>(), unthrottled: true));
            if (planfixClock is not null) s.AddSingleton(new PlanfixSandbox(planfixClock));
        });
        var result = new MoySkladPlanfixHub(hub);
        result.MoySklad.RegisterToken(result._moySkladToken, Account);
        result.MoySklad.Seed(Account, products, 11);
        result.Planfix.RegisterToken(result._planfixToken, Account);
        if (!paced)
        {
            result.MoySklad.UnitsPerRequest = 0;
            result.Planfix.RequestsPerSecond = 0;
        }
        var fields = (directoryFields ?? ["Name", "Code", "Article", "Unit", "Stock", "Available", "Reserve", "External code", "Цена продажи", "Оптовая цена", Brand])
            .Select(n => (n, n is "Stock" or "Available" or "Reserve" or "Цена продажи" or "Оптовая цена" ? 1 : 0)).ToArray();
        result.Directory = result.Planfix.AddDirectory(Account, "Товары", fields);
        var all = new JsonObject
        {
            ["planfix"] = new JsonObject { ["productDirectoryId"] = result.Directory },
            ["products"] = new JsonObject
            {
                ["priceTypes"] = new JsonArray("Цена продажи", "Оптовая цена"),
                ["extraFields"] = new JsonObject { ["Бренд"] = Brand },
            },
        };
        foreach (var (key, value) in settings ?? []) all[key] = value?.DeepClone();
        var connections = new Dictionary<string, Dictionary<string, string?>>
        {
            [MoySkladConnection.System] = new() { ["baseUrl"] = MoySkladSandbox.BaseUrl(hub.BaseAddress), ["token"] = result._moySkladToken },
            [PlanfixConnection.System] = new() { ["baseUrl"] = PlanfixSandbox.BaseUrl(hub.BaseAddress), ["token"] = result._planfixToken },
        };
        await hub.Get<TenantService>().UpsertAsync(Slug, new TenantInput("Acme", MoySkladPlanfixIntegration.Key, connections, all), default);
        result.Settings = all;
        return result;
    }

    /// <summary>The tenant's settings as last saved.</summary>
    public JsonObject Settings { get; private set; } = [];

    /// <summary>Saves the settings with these top-level sections replaced.</summary>
    public async Task SaveSettingsAsync(JsonObject sections)
    {
        var all = (JsonObject)Settings.DeepClone();
        foreach (var (key, value) in sections) all[key] = value?.DeepClone();
        await Hub.Get<TenantService>().UpsertAsync(Slug, new TenantInput(null, null, null, all), default);
        Settings = all;
    }

    public Task<SyncRun> RunAsync(string flow, RunMode mode = RunMode.Incremental) =>
        Hub.Get<RunLauncher>().RunAsync(Slug, flow, new RunRequest(mode), CancellationToken.None);

    /// <summary>A run for one record as a webhook delivery starts it: unchanged payloads are not written again.</summary>
    public Task<SyncRun> RunOneAsync(string flow, string sourceId) =>
        Hub.Get<RunLauncher>().RunAsync(Slug, flow, new RunRequest(RunMode.SingleRecord, RunTrigger.Webhook, sourceId) { Force = false }, CancellationToken.None);

    public async Task<List<SyncLogEntry>> LogAsync(long runId)
    {
        await using var db = await Hub.DbAsync();
        return await db.SyncLog.AsNoTracking().Where(e => e.RunId == runId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Drops the hub's record links of an entity, as if the run that wrote them had stopped before committing them.</summary>
    public async Task ForgetLinksAsync(string entity)
    {
        await using var db = await Hub.DbAsync();
        await db.RecordLinks.Where(l => l.Entity == entity).ExecuteDeleteAsync();
    }

    public IReadOnlyList<JsonObject> Entries => Planfix.Entries(Account, Directory);

    /// <summary>The Planfix entry values of the MoySklad product with this code.</summary>
    public JsonObject EntryOf(string code) => Entries.Single(e => e["values"]!["Code"]?.ToString() == code);

    public JsonObject Product(string code) => MoySklad.Product(Account, code);

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
