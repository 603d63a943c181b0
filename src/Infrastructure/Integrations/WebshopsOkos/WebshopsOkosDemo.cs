using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Connectors.Unas;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Integrations.WebshopsOkos;

/// <summary>
/// The demo tenant "demo-webshops": one ShopRenter and one UNAS shop on one Okos-Ügyvitel company, all three this hub's
/// own emulators. The emulators keep data in memory, so each start seeds them again from the same seed: the shops'
/// orders sell the ERP's first products, the ERP's stock of them is in its change feed, and a few prices were raised
/// in the ERP, so the orders, stock and prices flows each have work on their first run. The tenant forgets its links and
/// cursors at each seeding: they pointed at the records of the emulators' previous life.
/// </summary>
public sealed class WebshopsOkosDemo(
    SandboxOptions sandbox,
    SandboxAddress sandboxAddress,
    TenantService tenants,
    IDbContextFactory<KoppelDb> dbs,
    OkosSandbox okos,
    ShopRenterSandbox shopRenter,
    UnasSandbox unas,
    SyncedRecords records,
    ILogger<WebshopsOkosDemo> log) : IDemoTenant
{
    public const string Slug = "demo-webshops";
    public const string ShopRenterKey = "sr-demo", UnasKey = "unas-demo";
    /// <summary>Orders per shop; each shop sells a tenth as many products.</summary>
    public const int Orders = 30;
    private const string Company = "demo-company", ShopName = "demo-bolt", ClientId = "demo-client", ClientSecret = "demo-secret", UnasApiKey = "demo-unas-key";
    private const int Seed = 20261206;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (!sandbox.Enabled) return;

        SeedEmulators();
        var hub = sandboxAddress.Base;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var created = !await db.Tenants.AnyAsync(t => t.Slug == Slug, ct);
        var erp = new Dictionary<string, string?> { ["baseUrl"] = OkosSandbox.BaseUrl(hub), ["companyId"] = Company };
        var shopRenterFields = new Dictionary<string, string?>
        {
            ["platform"] = ShopRenterAccount.Platform, ["shopName"] = ShopName, ["clientId"] = ClientId,
            ["apiBaseUrl"] = ShopRenterSandbox.ApiBaseUrl(hub, ShopName), ["tokenUrl"] = ShopRenterSandbox.TokenUrl(hub, ShopName),
        };
        var unasFields = new Dictionary<string, string?> { ["platform"] = UnasAccount.Platform, ["baseUrl"] = UnasSandbox.BaseUrl(hub) };
        JsonObject? settings = null;
        if (created)
        {
            erp["apiKey"] = OkosSandbox.SeedKey;
            shopRenterFields["clientSecret"] = ClientSecret;
            unasFields["apiKey"] = UnasApiKey;
            settings = new JsonObject
            {
                ["webshops"] = new JsonObject
                {
                    [ShopRenterKey] = Options("SR", "1", new JsonArray("1", "2")),
                    [UnasKey] = Options("UN", "1", new JsonArray("1")),
                },
            };
        }
        // On later starts only the addresses are refreshed (the port may differ); options a user changed are kept.
        var input = new TenantInput(created ? "Demo webshops (ShopRenter + UNAS → Okos-Ügyvitel)" : null, WebshopsOkosIntegration.Key, new()
        {
            [OkosAccount.System] = erp,
            [$"{Webshop.System}.{ShopRenterKey}"] = shopRenterFields,
            [$"{Webshop.System}.{UnasKey}"] = unasFields,
        }, settings);
        // Its connections are this hub's own emulators, seeded a moment ago: the flows start on, as a demo should.
        await tenants.UpsertAsync(Slug, input, ct, flowsOn: true);
        // The emulators were seeded again just now (at every start: they keep data in memory), so what the tenant
        // remembers of its synced records points at records that are gone; its next runs write everything anew.
        if (!created) await records.ForgetAsync(Slug, ct);
        if (created) log.LogInformation("Created the demo tenant {Slug} on the ShopRenter, UNAS and Okos-Ügyvitel emulators", Slug);
    }

    private void SeedEmulators()
    {
        // The ERP holds twice the products the shops sell, so the stock flow also shows products a shop does not have.
        okos.Seed(Company, Orders / 10 * 2, Seed);
        okos.With(Company, c =>
        {
            foreach (var product in c.Products.Take(3))
                c.SetPrice(product["code"]!.ToString(), Math.Round(OkosClient.Number(product, "netSalesPrice") * 1.1m));
        });
        shopRenter.Seed(ShopName, Orders, Seed);
        shopRenter.RegisterClient(ShopName, ClientId, ClientSecret);
        unas.Seed(UnasApiKey, Orders, Seed);
    }

    // The seeds' orders are dated 1 December 2026; older ones would be left out as history.
    private static JsonObject Options(string sequence, string warehouse, JsonArray stockWarehouses) => new()
    {
        ["numberingSequence"] = sequence, ["warehouseId"] = warehouse, ["stockWarehouses"] = stockWarehouses, ["ordersSince"] = "2026-11-01",
    };
}
