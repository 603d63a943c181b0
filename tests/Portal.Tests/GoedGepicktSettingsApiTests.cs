using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Koppel.Portal.Tests;

/// <summary>The integration's settings through the admin API: the seed's options, refused by name when wrong.</summary>
public sealed class GoedGepicktSettingsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private async Task<JsonObject> ErrorsAsync(string slug, JsonObject settings)
    {
        var answer = await GoedGepicktTenants.PutAsync(host, slug, "gg-settings", "gg-settings-key", "3301", settings);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
    }

    [Fact]
    public async Task An_unknown_key_is_refused_naming_it()
    {
        var errors = await ErrorsAsync("gg-settings-typo", new JsonObject { ["suppliers"] = new JsonObject { ["backorderTreshold"] = 2 } });

        Assert.Contains(errors, e => e.Key.Contains("suppliers.backorderTreshold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_nightly_time_is_refused_naming_the_field()
    {
        var errors = await ErrorsAsync("gg-settings-time", new JsonObject { ["products"] = new JsonObject { ["nightlyAt"] = "25:00" } });

        Assert.Contains(errors, e => e.Key.Contains("nightlyAt", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_unknown_key_and_an_invalid_value_in_one_request_are_both_named()
    {
        var answer = await GoedGepicktTenants.PutAsync(host, "gg-settings-both", "gg-settings", "gg-settings-key", "3301", new JsonObject
        {
            ["suppliers"] = new JsonObject { ["backorderTreshold"] = 2 },
            ["products"] = new JsonObject { ["nightlyAt"] = "25:00" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.Contains("suppliers.backorderTreshold", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Key.Contains("products.nightlyAt", StringComparison.Ordinal));
        // Nothing of a refused request is stored.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(ApiHost.SupportKey).GetAsync("/api/v1/tenants/gg-settings-both")).StatusCode);
    }

    [Fact]
    public async Task The_seeds_options_are_saved_and_read_back()
    {
        var settings = new JsonObject
        {
            ["products"] = new JsonObject { ["nightlyAt"] = "02:30" },
            ["suppliers"] = new JsonObject { ["backordersWhenDefault"] = true, ["backorderThreshold"] = 3 },
            ["buyOrders"] = new JsonObject { ["toGoedGepickt"] = false, ["intervalMinutes"] = 15 },
            ["sellOrders"] = new JsonObject { ["since"] = "2026-02-01" },
        };

        var saved = await GoedGepicktTenants.PutAsync(host, "gg-settings-ok", "gg-settings", "gg-settings-key", "3301", settings);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var tenant = await host.Client(ApiHost.SupportKey).GetFromJsonAsync<JsonObject>("/api/v1/tenants/gg-settings-ok");

        var read = tenant!["settings"]!;
        Assert.Equal(("02:30", 3, 15, "2026-02-01"), ((string?)read["products"]!["nightlyAt"], (int)read["suppliers"]!["backorderThreshold"]!,
            (int)read["buyOrders"]!["intervalMinutes"]!, (string?)read["sellOrders"]!["since"]));
        Assert.True((bool)read["suppliers"]!["backordersWhenDefault"]!);
        Assert.False((bool)read["buyOrders"]!["toGoedGepickt"]!);
    }
}
