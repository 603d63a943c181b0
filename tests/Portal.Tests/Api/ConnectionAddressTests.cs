using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Api;

/// <summary>
/// A connection's stored secrets go only to the address they were given for: moving the address to another host
/// asks for them again, and a key bound to one tenant cannot move it at all.
/// </summary>
public sealed class ConnectionAddressTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Secret = "address-secret-314159";

    /// <summary>The same test shop through another loopback address: another host, still this hub.</summary>
    private string OtherHostUrl => new UriBuilder(host.ShopUrl) { Host = "127.0.0.2" }.ToString();

    private async Task CreateAsync(string slug)
    {
        var response = await host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", new
        {
            name = slug,
            integration = "test-shop",
            connections = new { shop = new { baseUrl = host.ShopUrl, apiSecret = Secret } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
    }

    private async Task<ConnectionInfo> StoredAsync(string slug)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync(t => t.Slug == slug);
        return host.Services.GetRequiredService<TenantConnections>().Decrypt(tenant)["shop"];
    }

    [Fact]
    public async Task Moving_an_address_to_another_host_drops_the_stored_secret_until_it_is_given_again()
    {
        await CreateAsync("moving");

        var moved = await host.Client(ApiHost.SupportKey).PutAsJsonAsync("/api/v1/tenants/moving",
            new { connections = new { shop = new { baseUrl = OtherHostUrl } } });
        var errors = await ErrorsAsync(moved);
        Assert.Contains("address changed", (string)errors["connections.shop.apiSecret"]![0]!);
        Assert.Equal(host.ShopUrl, (await StoredAsync("moving")).Get("baseUrl"));

        var again = await host.Client(ApiHost.SupportKey).PutAsJsonAsync("/api/v1/tenants/moving",
            new { connections = new { shop = new { baseUrl = OtherHostUrl, apiSecret = "new-secret-for-the-new-host" } } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await StoredAsync("moving");
        Assert.Equal(OtherHostUrl, stored.Get("baseUrl"));
        Assert.Equal("new-secret-for-the-new-host", stored.Get("apiSecret"));
    }

    [Fact]
    public async Task Changing_only_the_path_on_the_same_host_keeps_the_stored_secret()
    {
        await CreateAsync("same-host");

        var response = await host.Client(ApiHost.SupportKey).PutAsJsonAsync("/api/v1/tenants/same-host",
            new { connections = new { shop = new { baseUrl = host.ShopUrl.TrimEnd('/') } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Secret, (await StoredAsync("same-host")).Get("apiSecret"));
    }

    [Fact]
    public async Task A_key_bound_to_one_tenant_may_give_a_secret_but_not_move_the_address()
    {
        await CreateAsync("alpha");
        var alpha = host.Client(ApiHost.AlphaKey);

        var moved = await alpha.PutAsJsonAsync("/api/v1/tenants/alpha",
            new { connections = new { shop = new { baseUrl = OtherHostUrl, apiSecret = "attacker-chosen" } } });
        var errors = await ErrorsAsync(moved);
        Assert.Contains("support staff", (string)errors["connections.shop.baseUrl"]![0]!);
        Assert.Equal(Secret, (await StoredAsync("alpha")).Get("apiSecret"));

        var rotated = await alpha.PutAsJsonAsync("/api/v1/tenants/alpha",
            new { connections = new { shop = new { baseUrl = host.ShopUrl, apiSecret = "rotated-by-the-customer" } } });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal("rotated-by-the-customer", (await StoredAsync("alpha")).Get("apiSecret"));
    }
}
