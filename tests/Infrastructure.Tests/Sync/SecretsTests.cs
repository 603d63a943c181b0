using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Sync;

public sealed class SecretsTests
{
    [Fact]
    public async Task A_connection_secret_never_appears_in_the_log_the_database_or_the_tenant_view()
    {
        await using var engine = await Engine.StartAsync(items: 5);
        engine.Faults.Plan("test-shop", new FaultPlan { ServerErrors = 2, ExpireTokens = 1 });
        await engine.RunAsync();

        var view = System.Text.Json.JsonSerializer.Serialize(await engine.Hub.Get<TenantService>().GetAsync(Engine.Tenant, default));
        await using var db = await engine.Hub.DbAsync();
        var stored = await db.Connections.Select(c => c.FieldsJson + c.ProtectedSecrets).SingleAsync();

        Assert.DoesNotContain(Engine.Secret, view);
        Assert.DoesNotContain(Engine.Secret, stored);
        Assert.DoesNotContain(CapturedLog.Lines, line => line.Contains(Engine.Secret, StringComparison.Ordinal));
        Assert.Contains(CapturedLog.Lines, line => line.Contains("Retrying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_encrypted_secret_decrypts_back_for_the_connectors()
    {
        await using var engine = await Engine.StartAsync(items: 1);
        await using var db = await engine.Hub.DbAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync();

        var connections = engine.Hub.Get<TenantConnections>().Decrypt(tenant);

        Assert.Equal(Engine.Secret, connections["shop"].Secrets["apiSecret"]);
    }
}
