using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

public sealed class ConnectionTestTests
{
    [Fact]
    public async Task Testing_a_stored_Exact_connection_keeps_the_refresh_token_Exact_rotated()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 5);
        var before = await ConnectionsAsync(hub);

        var answer = await ExactOnlineConnection.Schema.Test!(before[ExactOnlineConnection.System], hub.Hub.Get<ConnectorHttp>(), default);

        Assert.Contains($"division {ExactOptiplyHub.Division}", answer);
        var after = await ConnectionsAsync(hub);
        Assert.NotEqual(before[ExactOnlineConnection.System].Secrets["refreshToken"], after[ExactOnlineConnection.System].Secrets["refreshToken"]);
        // The stored token is the live one: a run after the test still connects.
        var run = await hub.RunAsync(Koppel.Infrastructure.Integrations.ExactOptiply.Products.ProductsFlow.Key);
        Assert.Equal(Koppel.Domain.Sync.RunStatus.Succeeded, run.Status);
    }

    [Fact]
    public async Task Testing_the_Optiply_connection_reports_the_account()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 5);

        var answer = await OptiplyConnection.Schema.Test!((await ConnectionsAsync(hub))[OptiplyAccount.System], hub.Hub.Get<ConnectorHttp>(), default);

        Assert.Contains($"account {ExactOptiplyHub.Account}", answer);
    }

    private static async Task<IReadOnlyDictionary<string, Koppel.Infrastructure.Integrations.ConnectionInfo>> ConnectionsAsync(ExactOptiplyHub hub)
    {
        await using var db = await hub.Hub.DbAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync(t => t.Slug == ExactOptiplyHub.Slug);
        return hub.Hub.Get<TenantConnections>().Decrypt(tenant);
    }
}
