using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Integrations.ExactOptiply;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Tenants;

/// <summary>"Test connection" against the emulators over loopback: stored values, unsaved edits, and failures as sentences.</summary>
public sealed class ConnectionTesterTests
{
    [Fact]
    public async Task The_stored_connection_is_tested_and_the_systems_answer_returned()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);

        var result = await hub.Hub.Get<ConnectionTester>().TestAsync(ExactOptiplyHub.Slug, OptiplyAccount.System, null, default);

        Assert.True(result.Succeeded, result.Message);
        Assert.Matches($"^Signed in to Optiply as {OptiplyDemoLogin.Username}; account {OptiplyDemoLogin.AccountId} holds \\d+ products?\\.$", result.Message);
    }

    [Fact]
    public async Task Testing_the_stored_Exact_connection_stores_the_refresh_token_Exact_rotated()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 5);
        var before = await RefreshTokenAsync(hub);

        var result = await hub.Hub.Get<ConnectionTester>().TestAsync(ExactOptiplyHub.Slug, ExactOnlineConnection.System, null, default);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains($"division {ExactOptiplyHub.Division}", result.Message);
        Assert.NotEqual(before, await RefreshTokenAsync(hub));
        var run = await hub.RunAsync(ProductsFlow.Key);
        Assert.Equal(RunStatus.Succeeded, run.Status);
    }

    [Fact]
    public async Task A_typed_secret_replaces_the_stored_one_for_the_test_only()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);
        var tester = hub.Hub.Get<ConnectionTester>();

        var wrong = await tester.TestAsync(ExactOptiplyHub.Slug, OptiplyAccount.System, new Dictionary<string, string?> { ["password"] = "not-the-password" }, default);
        var stored = await tester.TestAsync(ExactOptiplyHub.Slug, OptiplyAccount.System, null, default);

        Assert.False(wrong.Succeeded);
        Assert.StartsWith("Optiply refused the credentials of this connection", wrong.Message);
        Assert.DoesNotContain("not-the-password", wrong.Message);
        Assert.True(stored.Succeeded, stored.Message);
    }

    [Fact]
    public async Task An_empty_secret_keeps_the_stored_one()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);

        var result = await hub.Hub.Get<ConnectionTester>().TestAsync(ExactOptiplyHub.Slug, OptiplyAccount.System,
            new Dictionary<string, string?> { ["password"] = "", ["clientSecret"] = "" }, default);

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task An_edited_address_that_is_not_a_url_is_named_without_calling_anything()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);

        var result = await hub.Hub.Get<ConnectionTester>().TestAsync(ExactOptiplyHub.Slug, OptiplyAccount.System,
            new Dictionary<string, string?> { ["baseUrl"] = "optiply dot com" }, default);

        Assert.False(result.Succeeded);
        Assert.Equal("API address: this must be an absolute http or https address.", result.Message);
    }

    [Fact]
    public async Task An_unreachable_system_is_reported_in_words()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);

        // Port 9 (discard) on loopback refuses the connection at once.
        var result = await hub.Hub.Get<ConnectionTester>().TestAsync(ExactOptiplyHub.Slug, OptiplyAccount.System,
            new Dictionary<string, string?>
            {
                ["tokenUrl"] = "http://127.0.0.1:9/api/auth/oauth/token", ["clientSecret"] = "typed-again", ["password"] = "typed-again",
            }, default);

        Assert.False(result.Succeeded);
        Assert.Contains("could not be reached", result.Message);
    }

    [Fact]
    public async Task An_address_on_another_host_does_not_take_the_stored_secrets_along()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);

        var result = await hub.Hub.Get<ConnectionTester>().TestAsync(ExactOptiplyHub.Slug, OptiplyAccount.System,
            new Dictionary<string, string?> { ["tokenUrl"] = "http://127.0.0.1:9/api/auth/oauth/token" }, default);

        Assert.False(result.Succeeded);
        Assert.Equal("The address points at another host: give the Client secret and Password again. "
                     + "Stored secrets are sent only to the address they were given for.", result.Message);
    }

    private static async Task<string> RefreshTokenAsync(ExactOptiplyHub hub)
    {
        await using var db = await hub.Hub.DbAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync(t => t.Slug == ExactOptiplyHub.Slug);
        return hub.Hub.Get<TenantConnections>().Decrypt(tenant)[ExactOnlineConnection.System].Secrets["refreshToken"];
    }

    [Fact]
    public async Task A_system_the_integration_does_not_connect_to_is_refused()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            hub.Hub.Get<ConnectionTester>().TestAsync(ExactOptiplyHub.Slug, "shopify", null, default));
    }
}
