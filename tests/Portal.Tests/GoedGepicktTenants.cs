using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>A GoedGepickt ↔ Optiply tenant saved through the admin API, its connections pointing at the host's own emulators.</summary>
public static class GoedGepicktTenants
{
    /// <param name="systems">The host whose emulators play GoedGepickt and Optiply; by default <paramref name="host"/> itself.</param>
    public static async Task<string> CreateAsync(ApiHost host, string slug, string account, string apiKey, string optiplyAccount, string? useKey = null, ApiHost? systems = null)
    {
        var saved = await PutAsync(host, slug, account, apiKey, optiplyAccount, useKey: useKey, systems: systems);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        return slug;
    }

    /// <summary>Saves the tenant through the admin API and returns the answer, whatever it is.</summary>
    public static async Task<HttpResponseMessage> PutAsync(ApiHost host, string slug, string account, string apiKey, string optiplyAccount,
        JsonObject? settings = null, string? useKey = null, ApiHost? systems = null)
    {
        systems ??= host;
        systems.Services.GetRequiredService<GoedGepicktSandbox>().RegisterKey(apiKey, account);
        var user = $"{account}@optiply.example";
        systems.Services.GetRequiredService<OptiplySandbox>().RegisterUser(user, "optiply-pass", optiplyAccount);
        var body = new JsonObject
        {
            ["name"] = $"{slug} BV", ["integration"] = "goedgepickt-optiply",
            ["connections"] = new JsonObject
            {
                ["goedGepickt"] = new JsonObject { ["baseUrl"] = GoedGepicktSandbox.BaseUrl(systems.Address), ["apiKey"] = useKey ?? apiKey },
                ["optiply"] = new JsonObject
                {
                    ["baseUrl"] = OptiplyDemoLogin.BaseUrl(systems.Address), ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(systems.Address),
                    ["clientId"] = OptiplyDemoLogin.ClientId, ["clientSecret"] = OptiplyDemoLogin.ClientSecret,
                    ["username"] = user, ["password"] = "optiply-pass", ["accountId"] = optiplyAccount,
                },
            },
        };
        if (settings is not null) body["settings"] = settings;
        return await host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", body);
    }
}
