using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Tests.Connectors.ExactOnline;

/// <summary>
/// The Exact access token lives with the connection's secrets in the database: hub processes on one database and a
/// restarted hub reuse it, and of several processes needing a new one only one asks Exact (which refuses a second
/// refresh within ten minutes). Node "a" serves the Exact emulator; every node reads the tenant from the database.
/// </summary>
public sealed class ExactTokenStoreTests
{
    private const string Slug = "token-shop";
    private const string Division = "405060";
    private const string ClientSecret = "token-shop-exact-secret";

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_hub_processes_on_one_database_share_one_access_token(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var a = await NodeAsync(database, "node-a");
        await using var b = await NodeAsync(database, "node-b");
        var exact = a.Get<ExactOnlineSandbox>();
        await AddTenantAsync(a);

        var sources = new[] { await TokensAsync(a), await TokensAsync(b), await TokensAsync(a), await TokensAsync(b) };
        var tokens = await Task.WhenAll(sources.Select(s => s.GetAsync(refresh: false, CancellationToken.None)));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, exact.OAuth.TokenCalls);
        Assert.Equal(1, sources.Sum(s => s.Refreshes));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_restarted_hub_reuses_the_stored_access_token_without_asking_Exact(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var a = await NodeAsync(database, "node-a");
        var exact = a.Get<ExactOnlineSandbox>();
        await AddTenantAsync(a);
        string before;
        await using (var b = await NodeAsync(database, "node-b"))
            before = await (await TokensAsync(b)).GetAsync(refresh: false, CancellationToken.None);

        await using var restarted = await NodeAsync(database, "node-b");
        var tokens = await TokensAsync(restarted);
        var after = await tokens.GetAsync(refresh: false, CancellationToken.None);
        var client = await ClientAsync(restarted);
        var warehouses = await client.AllAsync(client.Url("inventory/Warehouses", ["ID", "Code"]), CancellationToken.None);

        Assert.Equal(before, after);
        Assert.NotEmpty(warehouses);
        Assert.Equal(0, tokens.Refreshes);
        Assert.Equal(1, exact.OAuth.TokenCalls);
    }

    [Fact]
    public async Task The_access_token_is_stored_encrypted_with_the_other_secrets()
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = await NodeAsync(database, "node-a");
        await AddTenantAsync(a);

        var token = await (await TokensAsync(a)).GetAsync(refresh: false, CancellationToken.None);

        await using var db = await a.DbAsync();
        var stored = await db.Connections.AsNoTracking().SingleAsync(c => c.System == ExactOnlineConnection.System);
        Assert.DoesNotContain(token, stored.ProtectedSecrets);
        Assert.DoesNotContain(token, stored.FieldsJson);
        var secrets = a.Get<Koppel.Infrastructure.Secrets.SecretProtector>().Unprotect(stored.ProtectedSecrets);
        Assert.Contains(token, secrets["accessToken"]);
    }

    private static Task<TestHub> NodeAsync(TestDatabase database, string node) =>
        TestHub.StartAsync(_ => { }, database.Provider.ToString(), database.ConnectionString,
            settings: new Dictionary<string, string?> { ["Scheduler:Node"] = node });

    private static async Task AddTenantAsync(TestHub emulators)
    {
        var clientId = "token-" + Guid.NewGuid().ToString("N")[..12];
        var exact = emulators.Get<ExactOnlineSandbox>();
        exact.Seed(Division, 5, 3);
        var refreshToken = exact.Connect(Division, clientId, ClientSecret);
        await emulators.Get<TenantService>().UpsertAsync(Slug, new TenantInput("Token shop", ExactOptiplyIntegration.Key,
            new()
            {
                [ExactOnlineConnection.System] = new()
                {
                    ["baseUrl"] = ExactOnlineSandbox.BaseUrl(emulators.BaseAddress), ["clientId"] = clientId, ["clientSecret"] = ClientSecret,
                    ["refreshToken"] = refreshToken, ["division"] = Division,
                },
                [OptiplyAccount.System] = new()
                {
                    ["baseUrl"] = OptiplyDemoLogin.BaseUrl(emulators.BaseAddress), ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(emulators.BaseAddress),
                    ["clientId"] = OptiplyDemoLogin.ClientId, ["clientSecret"] = OptiplyDemoLogin.ClientSecret,
                    ["username"] = OptiplyDemoLogin.Username, ["password"] = OptiplyDemoLogin.Password,
                    ["accountId"] = OptiplyDemoLogin.AccountId, ["couplingId"] = OptiplyDemoLogin.CouplingId,
                },
            }, null), default);
    }

    /// <summary>The Exact client a run on this node would use, from the tenant as stored.</summary>
    private static async Task<ExactOnlineClient> ClientAsync(TestHub node)
    {
        await using var db = await node.DbAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync(t => t.Slug == Slug);
        var connection = node.Get<TenantConnections>().Decrypt(tenant)[ExactOnlineConnection.System];
        return ExactOnlineClient.Create(connection, node.Get<ConnectorHttp>(), TimeProvider.System);
    }

    private static async Task<ExactTokenSource> TokensAsync(TestHub node) => (await ClientAsync(node)).Tokens!;
}
