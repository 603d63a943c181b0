using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply;

/// <summary>
/// The demo tenant "demo-goedgepickt": the hub's GoedGepickt and Optiply emulators, ready to sync out of the box. The
/// emulators keep their data in memory, so each start seeds the GoedGepickt account again (same seed, same records).
/// It writes to its own Optiply account, so it never mixes with the Exact demo's products. Each seeding also forgets
/// the tenant's links and cursors, which pointed at the records of the emulators' previous life.
/// </summary>
public sealed class GoedGepicktOptiplyDemo(SandboxOptions sandbox,
    SandboxAddress sandboxAddress, TenantService tenants, GoedGepicktSandbox goedGepickt, OptiplySandbox optiply, SyncedRecords records, ILogger<GoedGepicktOptiplyDemo> log) : IDemoTenant
{
    public const string Slug = "demo-goedgepickt";
    public const string Account = "demo-goedgepickt";
    /// <summary>A sandbox-only key: it opens nothing but this hub's own emulator.</summary>
    public const string ApiKey = "koppel-demo-goedgepickt-key";
    public const string OptiplyAccount = "1002";
    public const string OptiplyUser = "demo-gg@optiply.example";
    public const int Size = 60;
    private const int Seed = 20240601;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (!sandbox.Enabled) return;
        var hub = sandboxAddress.Base;
        goedGepickt.Seed(Account, Size, Seed);
        goedGepickt.RegisterKey(ApiKey, Account);
        // Its Optiply account starts empty, as after a start, also when the seeding runs again in one process.
        optiply.Clear(OptiplyAccount);
        optiply.RegisterUser(OptiplyUser, OptiplyDemoLogin.Password, OptiplyAccount);

        var existing = await tenants.GetAsync(Slug, ct);
        var ggFields = new Dictionary<string, string?> { ["baseUrl"] = GoedGepicktSandbox.BaseUrl(hub) };
        var optiplyFields = new Dictionary<string, string?> { ["baseUrl"] = OptiplyDemoLogin.BaseUrl(hub), ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(hub) };
        if (existing is null)
        {
            ggFields["apiKey"] = ApiKey;
            optiplyFields["clientId"] = OptiplyDemoLogin.ClientId;
            optiplyFields["clientSecret"] = OptiplyDemoLogin.ClientSecret;
            optiplyFields["username"] = OptiplyUser;
            optiplyFields["password"] = OptiplyDemoLogin.Password;
            optiplyFields["accountId"] = OptiplyAccount;
            optiplyFields["couplingId"] = OptiplyDemoLogin.CouplingId;
        }
        // Later starts refresh only the addresses (the port may differ); what a user changed is kept.
        var input = new TenantInput(
            existing is null ? "Demo warehouse (GoedGepickt ↔ Optiply)" : null,
            GoedGepicktOptiplyIntegration.Key,
            new() { [GoedGepicktAccount.System] = ggFields, [Connectors.Optiply.OptiplyAccount.System] = optiplyFields },
            Settings: null);
        // Its connections are this hub's own emulators, seeded a moment ago: the flows start on, as a demo should.
        await tenants.UpsertAsync(Slug, input, ct, flowsOn: true);
        // The emulators were seeded again just now (at every start: they keep data in memory), so what the tenant
        // remembers of its synced records points at records that are gone; its next runs write everything anew.
        if (existing is not null) await records.ForgetAsync(Slug, ct);
        if (existing is null) log.LogInformation("Created the demo tenant {Slug} on the GoedGepickt and Optiply emulators", Slug);
    }
}
