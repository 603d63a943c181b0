using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;

namespace Koppel.Infrastructure.Tests.Integrations.WebshopsOkos;

/// <summary>
/// A hub with the webshops integration and one tenant: ShopRenter shop "sr1" (sequence SR, warehouse 2) and UNAS shop
/// "un1" (sequence UN, warehouse 1) on one Okos-Ügyvitel company, all three emulated and reached over loopback HTTP.
/// </summary>
public sealed class WebshopsHub : IAsyncDisposable
{
    public const string Tenant = "kerti", Company = "c-1", ErpKey = "erp-key", Shop = "kertibutor", SrClient = "sr-c", SrSecret = "sr-s", UnasKey = "unas-k";

    public TestHub Hub { get; }
    public OkosSandbox Erp => Hub.Get<OkosSandbox>();
    public ShopRenterSandbox ShopRenter => Hub.Get<ShopRenterSandbox>();
    public UnasSandbox Unas => Hub.Get<UnasSandbox>();

    private WebshopsHub(TestHub hub) => Hub = hub;

    /// <param name="webshops">Changes the webshops' options (settings.webshops) before the tenant is saved.</param>
    public static async Task<WebshopsHub> StartAsync(string unasOrderStatuses = "all", Action<JsonObject>? webshops = null)
    {
        var hub = new WebshopsHub(await TestHub.StartAsync(_ => { }));
        hub.Erp.Setup(Company, OkosSetup.Demo(ErpKey));
        hub.ShopRenter.RegisterClient(Shop, SrClient, SrSecret);
        hub.Unas.AddShop(UnasKey, "12345");
        var b = hub.Hub.BaseAddress;
        var options = new JsonObject
        {
            ["sr1"] = Shop_("SR", "2", "2026-11-01"),
            ["un1"] = Shop_("UN", "1", "2026-11-01", unasOrderStatuses),
        };
        webshops?.Invoke(options);
        await hub.Hub.Get<TenantService>().UpsertAsync(Tenant, new TenantInput("Kerti bútor", WebshopsOkosIntegration.Key, new()
        {
            [OkosAccount.System] = new() { ["baseUrl"] = OkosSandbox.BaseUrl(b), ["companyId"] = Company, ["apiKey"] = ErpKey },
            ["webshops.sr1"] = new()
            {
                ["platform"] = "shoprenter", ["shopName"] = Shop, ["clientId"] = SrClient, ["clientSecret"] = SrSecret,
                ["apiBaseUrl"] = ShopRenterSandbox.ApiBaseUrl(b, Shop), ["tokenUrl"] = ShopRenterSandbox.TokenUrl(b, Shop),
            },
            ["webshops.un1"] = new() { ["platform"] = "unas", ["apiKey"] = UnasKey, ["baseUrl"] = UnasSandbox.BaseUrl(b) },
        }, new JsonObject { ["webshops"] = options }), default);
        return hub;
    }

    private static JsonObject Shop_(string sequence, string warehouse, string since, string? statuses = null)
    {
        var shop = new JsonObject
        {
            ["numberingSequence"] = sequence, ["warehouseId"] = warehouse, ["stockWarehouses"] = new JsonArray("1", "2"), ["ordersSince"] = since,
        };
        if (statuses is not null) shop["orderStatuses"] = statuses;
        return shop;
    }

    public Task<SyncRun> RunAsync(string flow, string webshop, CancellationToken ct = default) =>
        Hub.Get<FlowRunner>().RunAsync(Tenant, $"{flow}@{webshop}", new RunRequest(RunMode.Incremental, RunTrigger.Api), ct: ct);

    /// <summary>Runs the ERP's side of a test under the company's lock.</summary>
    public void InErp(Action<OkosCompanyView> action) => Erp.With(Company, action);

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
