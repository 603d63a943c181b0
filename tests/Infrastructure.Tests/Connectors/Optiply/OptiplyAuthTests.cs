using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

public sealed class OptiplyAuthTests
{
    private const string ExactItemId = "6f2c1a7e-0d4b-4f7e-9a51-3c2b8d1e5a10";

    [Fact]
    public async Task The_password_grant_returns_a_token_that_is_reused_until_it_expires()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var tokens = optiply.Client().Tokens;

        var first = await tokens.GetAsync(refresh: false, CancellationToken.None);
        var second = await tokens.GetAsync(refresh: false, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(first));
        Assert.Equal(first, second);
        Assert.Equal(1, optiply.Sandbox.TokenRequests);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_the_call_succeeds()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var sink = optiply.Sink(Koppel.Infrastructure.Connectors.Optiply.OptiplyEntity.Products);
        await sink.CreateAsync(ExactItemId, OptiplyHub.Product(), CancellationToken.None);
        optiply.Faults.Plan("optiply", new Koppel.Infrastructure.Sandbox.FaultPlan { ExpireTokens = 1 });

        var found = await sink.FindAsync(ExactItemId, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(2, optiply.Sandbox.TokenRequests);
    }

    [Fact]
    public async Task A_wrong_password_stops_the_run_saying_Optiply_refused_the_credentials()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var client = optiply.Client(password: "not-the-password");

        var stopped = await Assert.ThrowsAsync<RunStopped>(() => client.ListAsync("products"));

        Assert.StartsWith("Optiply refused the credentials", stopped.Message);
        Assert.Contains("Bad credentials", stopped.Message);
    }

    [Fact]
    public async Task An_unknown_user_stops_the_run_with_Optiplys_reason()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var client = optiply.Client(username: "nobody@koffiehuis.example");

        var stopped = await Assert.ThrowsAsync<RunStopped>(() => client.ListAsync("products"));

        Assert.StartsWith("Optiply refused the credentials", stopped.Message);
        Assert.Contains("UserDetailsService returned null", stopped.Message);
    }

    [Fact]
    public async Task A_token_refused_again_after_signing_in_stops_the_run()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var client = optiply.Client();
        await client.ListAsync("products");
        optiply.Faults.Plan("optiply", new Koppel.Infrastructure.Sandbox.FaultPlan { ExpireTokens = 3 });

        var stopped = await Assert.ThrowsAsync<RunStopped>(() => client.ListAsync("products"));

        Assert.StartsWith("Optiply refused the credentials", stopped.Message);
    }
    [Fact]
    public async Task An_account_id_the_user_cannot_reach_stops_the_run_pointing_at_the_account_id()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        var client = optiply.Client(account: "9999");

        var stopped = await Assert.ThrowsAsync<RunStopped>(() => client.ListAsync("products"));

        Assert.Contains("Check the account id", stopped.Message);
    }
}
