using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Integrations.ExactOptiply;

/// <summary>
/// The demo tenant "demo-exact": Exact Online and Optiply emulators of this hub, ready to sync out of the box.
/// The emulators keep their data in memory, so each start seeds the Exact division again (same seed, same
/// records) and re-registers the refresh token the tenant stored last, which Exact rotated on every refresh; the
/// tenant's links and cursors, which pointed at the records of the emulators' previous life, are forgotten.
/// </summary>
public sealed class ExactOptiplyDemo(
    SandboxOptions sandbox,
    SandboxAddress sandboxAddress,
    TenantService tenants,
    TenantConnections connections,
    IDbContextFactory<KoppelDb> dbs,
    ExactOnlineSandbox exact,
    OptiplySandbox optiply,
    SyncedRecords records,
    ILogger<ExactOptiplyDemo> log) : IDemoTenant
{
    public const string Slug = "demo-exact";
    public const string Division = "123456";
    public const string ClientId = "koppel-demo-exact";
    public const string ClientSecret = "koppel-demo-exact-secret";
    /// <summary>Items (and proportionally suppliers, orders, ...) the demo division is seeded with.</summary>
    public const int Size = 150;
    private const int Seed = 20231120;

    public async Task EnsureAsync(CancellationToken ct)
    {
        // Without the emulators mapped the demo tenant would only produce connection errors.
        if (!sandbox.Enabled) return;

        var hub = sandboxAddress.Base;
        exact.Seed(Division, Size, Seed);
        // Its Optiply account starts empty, as after a start, also when the seeding runs again in one process.
        optiply.Clear(OptiplyDemoLogin.AccountId);
        var stored = await StoredRefreshTokenAsync(ct);
        var refreshToken = exact.Connect(Division, ClientId, ClientSecret, stored);

        var exactFields = new Dictionary<string, string?> { ["baseUrl"] = ExactOnlineSandbox.BaseUrl(hub) };
        var optiplyFields = new Dictionary<string, string?>
        {
            ["baseUrl"] = OptiplyDemoLogin.BaseUrl(hub),
            ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(hub),
        };
        var created = stored is null;
        if (created)
        {
            exactFields["clientId"] = ClientId;
            exactFields["clientSecret"] = ClientSecret;
            exactFields["refreshToken"] = refreshToken;
            exactFields["division"] = Division;
            optiplyFields["clientId"] = OptiplyDemoLogin.ClientId;
            optiplyFields["clientSecret"] = OptiplyDemoLogin.ClientSecret;
            optiplyFields["username"] = OptiplyDemoLogin.Username;
            optiplyFields["password"] = OptiplyDemoLogin.Password;
            optiplyFields["accountId"] = OptiplyDemoLogin.AccountId;
            optiplyFields["couplingId"] = OptiplyDemoLogin.CouplingId;
        }
        // On later starts only the addresses are refreshed (the port may differ); options and mappings a user
        // changed are kept.
        var input = new TenantInput(
            created ? "Demo shop (Exact Online ↔ Optiply)" : null,
            ExactOptiplyIntegration.Key,
            new() { [ExactOnlineConnection.System] = exactFields, [OptiplyAccount.System] = optiplyFields },
            Settings: null);
        // Its connections are this hub's own emulators, seeded a moment ago: the flows start on, as a demo should.
        await tenants.UpsertAsync(Slug, input, ct, flowsOn: true);
        // The emulators were seeded again just now (at every start: they keep data in memory), so what the tenant
        // remembers of its synced records points at records that are gone; its next runs write everything anew.
        if (!created) await records.ForgetAsync(Slug, ct);
        if (created) log.LogInformation("Created the demo tenant {Slug} on the Exact Online and Optiply emulators", Slug);
    }

    private async Task<string?> StoredRefreshTokenAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().FindBySlugAsync(Slug, ct);
        if (tenant is null) return null;
        return connections.Decrypt(tenant).TryGetValue(ExactOnlineConnection.System, out var connection)
            ? connection.Secrets.GetValueOrDefault("refreshToken")
            : null;
    }
}
