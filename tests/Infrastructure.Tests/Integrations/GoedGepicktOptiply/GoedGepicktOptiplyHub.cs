using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

/// <summary>
/// A hub with a tenant of the GoedGepickt ↔ Optiply integration whose connections point at this hub's own emulators
/// over loopback HTTP. Tests put data in GoedGepickt as a user would, run flows, and assert what Optiply holds.
/// </summary>
public sealed class GoedGepicktOptiplyHub : IAsyncDisposable
{
    public const string Slug = "magazijn";
    public const string GgAccount = "gg-magazijn";
    public const string ApiKey = "gg-key-magazijn";
    public const string Account = OptiplyDemoLogin.AccountId;

    public TestHub Hub { get; }
    public GoedGepicktSandbox GoedGepickt => Hub.Get<GoedGepicktSandbox>();
    public OptiplySandbox Optiply => Hub.Get<OptiplySandbox>();
    public SandboxFaults Faults => Hub.Get<SandboxFaults>();

    private GoedGepicktOptiplyHub(TestHub hub) => Hub = hub;

    /// <param name="fulfilmentCustomer">Makes the connection a fulfilment account of this customer.</param>
    /// <param name="configuration">Hub configuration on top of the test defaults (e.g. Hub:PublicUrl).</param>
    /// <param name="connectionString">A database of the test's own (with <paramref name="provider"/>), e.g. one PostgreSQL database for two hubs.</param>
    public static async Task<GoedGepicktOptiplyHub> StartAsync(JsonObject? settings = null, string? fulfilmentCustomer = null, string apiKey = ApiKey,
        IReadOnlyDictionary<string, string?>? configuration = null, string provider = "Sqlite", string? connectionString = null)
    {
        var hub = new GoedGepicktOptiplyHub(await TestHub.StartAsync(_ => { }, provider, connectionString, settings: configuration));
        hub.GoedGepickt.RegisterKey(ApiKey, GgAccount);
        await hub.AddTenantAsync(Slug, apiKey, settings, fulfilmentCustomer);
        return hub;
    }

    /// <summary>Saves a tenant whose connections point at this hub's emulators (the GG key must be registered there).</summary>
    public async Task AddTenantAsync(string slug, string apiKey, JsonObject? settings = null, string? fulfilmentCustomer = null)
    {
        var connections = new Dictionary<string, Dictionary<string, string?>>
        {
            [GoedGepicktAccount.System] = new()
            {
                ["baseUrl"] = GoedGepicktSandbox.BaseUrl(Hub.BaseAddress), ["apiKey"] = apiKey, ["fulfilmentCustomerUuid"] = fulfilmentCustomer,
            },
            [OptiplyAccount.System] = new()
            {
                ["baseUrl"] = OptiplyDemoLogin.BaseUrl(Hub.BaseAddress), ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(Hub.BaseAddress),
                ["clientId"] = OptiplyDemoLogin.ClientId, ["clientSecret"] = OptiplyDemoLogin.ClientSecret,
                ["username"] = OptiplyDemoLogin.Username, ["password"] = OptiplyDemoLogin.Password,
                ["accountId"] = Account, ["couplingId"] = OptiplyDemoLogin.CouplingId,
            },
        };
        settings ??= new JsonObject { ["sellOrders"] = new JsonObject { ["since"] = "2026-01-01" } };
        await Hub.Get<TenantService>().UpsertAsync(slug, new TenantInput($"{slug} BV", GoedGepicktOptiplyIntegration.Key, connections, settings), default);
    }

    public Task<SyncRun> RunAsync(string flow, RunMode mode = RunMode.Incremental) =>
        Hub.Get<RunLauncher>().RunAsync(Slug, flow, new RunRequest(mode), CancellationToken.None);

    /// <summary>A single-record run as a webhook delivery starts it: written only when the payload changed.</summary>
    public Task<SyncRun> RunOneAsync(string flow, string sourceId) =>
        Hub.Get<RunLauncher>().RunAsync(Slug, flow, new RunRequest(RunMode.SingleRecord, RunTrigger.Webhook, sourceId) { Force = false }, CancellationToken.None);

    /// <summary>The nightly sequence: suppliers, products, supplier products.</summary>
    public async Task NightlyAsync()
    {
        foreach (var flow in new[] { "suppliers", "products", "supplier-products" })
            Assert.Equal(RunStatus.Succeeded, (await RunAsync(flow)).Status);
    }

    public async Task<List<SyncLogEntry>> LogAsync(long runId)
    {
        await using var db = await Hub.DbAsync();
        return await db.SyncLog.AsNoTracking().Where(e => e.RunId == runId).OrderBy(e => e.Id).ToListAsync();
    }

    public JsonObject? OptiplyByRemoteId(string type, string remoteId) =>
        Optiply.Records(Account, type).SingleOrDefault(r =>
            string.Equals(r["remoteIdMap"]?[OptiplyDemoLogin.CouplingId]?.ToString(), remoteId, StringComparison.OrdinalIgnoreCase));

    public JsonObject Supplier(string name, string? email = "inkoop@leverancier.example", string backorders = "default") =>
        GoedGepickt.AddSupplier(GgAccount, new JsonObject { ["name"] = name, ["email"] = email, ["backorders"] = backorders });

    /// <summary>A product as GoedGepickt holds it, with the fields the seed names.</summary>
    public JsonObject Product(string sku, JsonObject? supplier = null, int freeStock = 10, string price = "12.50", string? customer = null,
        bool purchasable = true, int? orderInMultiplesOf = 6, bool ignore = false, string type = "normal") =>
        GoedGepickt.AddProduct(GgAccount, new JsonObject
        {
            ["sku"] = sku, ["name"] = $"Product {sku}", ["price"] = price, ["costPrice"] = "4.25", ["type"] = type,
            ["stock"] = new JsonObject { ["freeStock"] = freeStock, ["unlimitedStock"] = false },
            ["supplier"] = supplier is null ? null : new JsonObject { ["uuid"] = supplier["uuid"]!.ToString(), ["name"] = supplier["name"]!.ToString(), ["supplierSku"] = $"S-{sku}" },
            ["purchasable"] = purchasable, ["orderInMultiplesOf"] = orderInMultiplesOf, ["ignoreForOptiply"] = ignore,
            ["fulfilmentCustomerUuid"] = customer,
        }, fire: false);

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
