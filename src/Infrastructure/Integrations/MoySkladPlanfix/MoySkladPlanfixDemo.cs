using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>
/// The demo tenant "demo-moysklad": the MoySklad and Planfix emulators of this hub, a seeded MoySklad account and a
/// Planfix product directory with the fields the issue fixes. The emulators keep data in memory, so each start seeds
/// them again (same seed, same products; the directory gets the same id as it is the account's first object).
/// </summary>
public sealed class MoySkladPlanfixDemo(
    SandboxOptions sandbox,
    SandboxAddress sandboxAddress,
    TenantService tenants,
    IDbContextFactory<KoppelDb> dbs,
    MoySkladSandbox moySklad,
    PlanfixSandbox planfix,
    ILogger<MoySkladPlanfixDemo> log) : IDemoTenant
{
    public const string Slug = "demo-moysklad";
    public const int Size = 60;
    private const int Seed = 20261206;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (!sandbox.Enabled) return;

        var hub = sandboxAddress.Base;
        moySklad.Seed(MoySkladSandbox.DemoAccount, Size, Seed);
        planfix.Seed(PlanfixSandbox.DemoAccount, 0, Seed);
        var directory = planfix.AddDirectory(PlanfixSandbox.DemoAccount, "Товары МойСклад",
            [.. ProductFields.DirectoryNames.Values.Select(n => (n, n is "Stock" or "Available" or "Reserve" ? 1 : 0)),
             (ProductFields.DefaultPriceType, 1), ("Бренд", 0)]);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var created = !await db.Tenants.AnyAsync(t => t.Slug == Slug, ct);
        var moySkladFields = new Dictionary<string, string?> { ["baseUrl"] = MoySkladSandbox.BaseUrl(hub) };
        var planfixFields = new Dictionary<string, string?> { ["baseUrl"] = PlanfixSandbox.BaseUrl(hub) };
        JsonObject? settings = null;
        if (created)
        {
            moySkladFields["token"] = MoySkladSandbox.DemoToken;
            planfixFields["token"] = PlanfixSandbox.DemoToken;
            settings = new JsonObject
            {
                ["planfix"] = new JsonObject { ["productDirectoryId"] = directory },
                ["products"] = new JsonObject { ["extraFields"] = new JsonObject { ["Бренд"] = "Бренд" } },
            };
        }
        // On later starts only the addresses are refreshed (the port may differ); options a user changed are kept.
        var input = new TenantInput(created ? "Demo shop (MoySklad ↔ Planfix)" : null, MoySkladPlanfixIntegration.Key,
            new() { [MoySkladConnection.System] = moySkladFields, [PlanfixConnection.System] = planfixFields }, settings);
        await tenants.UpsertAsync(Slug, input, ct);
        if (created) log.LogInformation("Created the demo tenant {Slug} on the MoySklad and Planfix emulators", Slug);
    }
}
