using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Http;

namespace Koppel.Infrastructure.Tests.Connectors.Optiply;

public sealed class OptiplyConnectionTests
{
    [Fact]
    public async Task Testing_the_connection_signs_in_and_reports_the_accounts_product_count()
    {
        await using var optiply = await OptiplyHub.StartAsync();
        optiply.Sandbox.Seed(OptiplyHub.Account, size: 12, seed: 1);

        var sentence = await OptiplyConnection.Schema.Test!(optiply.Connection(), optiply.Hub.Get<ConnectorHttp>(), CancellationToken.None);

        Assert.Equal($"Signed in to Optiply as {OptiplyHub.Username}; account {OptiplyHub.Account} holds 12 products.", sentence);
    }

    [Fact]
    public void The_schema_keeps_the_client_secret_and_password_secret_and_defaults_the_addresses()
    {
        var fields = OptiplyConnection.Schema.Fields.ToDictionary(f => f.Name);

        Assert.True(fields["clientSecret"].Secret);
        Assert.True(fields["password"].Secret);
        Assert.Equal("https://api.optiply.com/v1", fields["baseUrl"].Default);
        Assert.Equal("https://dashboard.optiply.nl/api/auth/oauth/token", fields["tokenUrl"].Default);
    }
}
