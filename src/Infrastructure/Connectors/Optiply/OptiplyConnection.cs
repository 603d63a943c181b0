using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>The fields of a tenant's Optiply connection and the test behind "Test connection".</summary>
public static class OptiplyConnection
{
    public static readonly ConnectionSchema Schema = new(OptiplyAccount.System, "Optiply",
    [
        new ConnectionField("baseUrl", "API address", Default: OptiplyAccount.DefaultBaseUrl),
        new ConnectionField("tokenUrl", "Sign-in (token) address", Default: OptiplyAccount.DefaultTokenUrl),
        new ConnectionField("clientId", "Client id"),
        new ConnectionField("clientSecret", "Client secret", Secret: true),
        new ConnectionField("username", "Username (e-mail of the Optiply API user)"),
        new ConnectionField("password", "Password", Secret: true),
        new ConnectionField("accountId", "Optiply account id"),
        new ConnectionField("couplingId", "Coupling id (this integration in Optiply)", Required: false),
    ])
    {
        Test = TestAsync,
    };

    /// <summary>Signs in and reads one page of products: proves the credentials, the address and the account.</summary>
    public static async Task<string> TestAsync(ConnectionInfo connection, ConnectorHttp http, CancellationToken ct)
    {
        var client = OptiplyClient.For(connection, http);
        var page = await client.ListAsync("products", limit: 1, ct: ct);
        var account = client.Account.AccountId is { } id ? $"account {id}" : "the account";
        var count = page.Total is { } total ? $"{total} product{(total == 1 ? "" : "s")}" : $"{page.Data.Count}+ products";
        return $"Signed in to Optiply as {client.Account.Username}; {account} holds {count}.";
    }
}
