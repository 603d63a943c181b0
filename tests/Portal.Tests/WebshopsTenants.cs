using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>
/// A webshops → Okos-Ügyvitel tenant saved through the admin API: ShopRenter shop "sr1" and UNAS shop "un1" on one ERP
/// company ("{slug}-co", the emulator's demo set-up), all three on the host's own emulators.
/// </summary>
public static class WebshopsTenants
{
    /// <returns>A client of the tenant's ERP company, for the test's own ERP-side calls.</returns>
    public static async Task<OkosClient> CreateAsync(ApiHost host, string slug)
    {
        var company = $"{slug}-co";
        host.Services.GetRequiredService<OkosSandbox>().Setup(company, OkosSetup.Demo($"{company}-key"));
        host.Services.GetRequiredService<ShopRenterSandbox>().RegisterClient($"{slug}-shop", "client", "secret");
        host.Services.GetRequiredService<UnasSandbox>().AddShop($"{slug}-unas-key", slug);
        var body = new JsonObject
        {
            ["name"] = $"{slug} Kft.", ["integration"] = "webshops-okos",
            ["connections"] = new JsonObject
            {
                ["okosUgyvitel"] = new JsonObject { ["baseUrl"] = OkosSandbox.BaseUrl(host.Address), ["companyId"] = company, ["apiKey"] = $"{company}-key" },
                ["webshops"] = new JsonArray(
                    new JsonObject
                    {
                        ["key"] = "sr1", ["platform"] = "shoprenter", ["shopName"] = $"{slug}-shop", ["clientId"] = "client", ["clientSecret"] = "secret",
                        ["apiBaseUrl"] = ShopRenterSandbox.ApiBaseUrl(host.Address, $"{slug}-shop"), ["tokenUrl"] = ShopRenterSandbox.TokenUrl(host.Address, $"{slug}-shop"),
                    },
                    new JsonObject { ["key"] = "un1", ["platform"] = "unas", ["apiKey"] = $"{slug}-unas-key", ["baseUrl"] = UnasSandbox.BaseUrl(host.Address) }),
            },
            ["settings"] = new JsonObject
            {
                ["webshops"] = new JsonObject
                {
                    ["sr1"] = new JsonObject { ["numberingSequence"] = "SR", ["warehouseId"] = "1", ["stockWarehouses"] = new JsonArray("1") },
                    ["un1"] = new JsonObject { ["numberingSequence"] = "UN", ["warehouseId"] = "1", ["stockWarehouses"] = new JsonArray("1") },
                },
            },
        };
        var saved = await host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", body);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return new OkosClient(new OkosAccount(OkosSandbox.BaseUrl(host.Address), company, $"{company}-key"), host.Services.GetRequiredService<ConnectorHttp>());
    }
}
