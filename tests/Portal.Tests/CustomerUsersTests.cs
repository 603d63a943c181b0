using System.Net.Http.Json;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>Support staff's customer accounts: bound to one tenant, bad input named by field.</summary>
public sealed class CustomerUsersTests : IClassFixture<ApiHost>
{
    private readonly ApiHost _host;

    public CustomerUsersTests(ApiHost host) => _host = host;

    private CustomerUsers Users => _host.Services.GetRequiredService<CustomerUsers>();

    private async Task TenantAsync(string slug) =>
        (await _host.Client(ApiHost.SupportKey).PutAsJsonAsync($"/api/v1/tenants/{slug}", new
        {
            name = $"Users {slug}",
            integration = "test-shop",
            connections = new { shop = new { baseUrl = _host.ShopUrl, apiSecret = "users-test-secret-1618" } },
        })).EnsureSuccessStatusCode();

    [Fact]
    public async Task A_created_user_is_listed_under_its_tenant_only()
    {
        await TenantAsync("users-a");
        await TenantAsync("users-b");

        await Users.CreateAsync("users-a", "anna@users-a.example", "Anna-pass-1", CancellationToken.None);

        Assert.Equal(["anna@users-a.example"], (await Users.ListAsync("users-a", CancellationToken.None)).Select(u => u.Email));
        Assert.Empty(await Users.ListAsync("users-b", CancellationToken.None));
    }

    [Theory]
    [InlineData("not-an-email", "Anna-pass-1", "email")]
    [InlineData("", "Anna-pass-1", "email")]
    [InlineData("bob@users-c.example", "short", "password")]
    [InlineData("bob@users-c.example", "", "password")]
    public async Task Bad_input_is_rejected_naming_the_field(string email, string password, string field)
    {
        await TenantAsync("users-c");

        var rejected = await Assert.ThrowsAsync<InputRejected>(() => Users.CreateAsync("users-c", email, password, CancellationToken.None));

        Assert.Contains(rejected.Errors, e => e.Field == field);
    }

    [Fact]
    public async Task An_unknown_tenant_is_rejected()
    {
        var rejected = await Assert.ThrowsAsync<InputRejected>(() => Users.CreateAsync("no-such-tenant", "x@y.example", "Anna-pass-1", CancellationToken.None));

        Assert.Equal("tenant", Assert.Single(rejected.Errors).Field);
    }

    [Fact]
    public async Task The_same_email_cannot_be_used_twice()
    {
        await TenantAsync("users-d");
        await Users.CreateAsync("users-d", "twice@users-d.example", "Twice-pass-1", CancellationToken.None);

        var rejected = await Assert.ThrowsAsync<InputRejected>(() => Users.CreateAsync("users-d", "twice@users-d.example", "Twice-pass-2", CancellationToken.None));

        Assert.Equal("email", Assert.Single(rejected.Errors).Field);
    }

    [Fact]
    public async Task A_user_cannot_be_removed_through_another_tenant()
    {
        await TenantAsync("users-e");
        await TenantAsync("users-f");
        var user = await Users.CreateAsync("users-e", "kept@users-e.example", "Kept-pass-1", CancellationToken.None);

        Assert.False(await Users.RemoveAsync("users-f", user.Id, CancellationToken.None));
        Assert.Single(await Users.ListAsync("users-e", CancellationToken.None));
    }
}
