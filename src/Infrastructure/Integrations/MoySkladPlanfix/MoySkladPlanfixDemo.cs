using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>
/// The demo tenant "demo-moysklad": the MoySklad and Planfix emulators of this hub, a seeded MoySklad account and a
/// Planfix product directory with the fields the issue fixes. The emulators keep data in memory, so each start seeds
/// them again (same seed, same products; the directory gets the same id as it is the account's first object) and the
/// tenant forgets its links and cursors, which pointed at the records of the emulators' previous life.
/// </summary>
public sealed class MoySkladPlanfixDemo(
    SandboxOptions sandbox,
    SandboxAddress sandboxAddress,
    TenantService tenants,
    IDbContextFactory<KoppelDb> dbs,
    MoySkladSandbox moySklad,
    PlanfixSandbox planfix,
    SyncedRecords records,
    ILogger<MoySkladPlanfixDemo> log) : IDemoTenant
{
    public const string Slug = "demo-moysklad";
    public const int Size = 60;
    private const int Seed = 20261206;

    /// <summary>The X-Koppel-Token of the demo's scenario requests (a demo secret, like the emulators' tokens).</summary>
    public const string DemoHookToken = "koppel-demo-planfix-hook-token";
    public const string ShippedStatus = "Отгружен";
    public const string ReturnedStatus = "Возврат";
    /// <summary>The demo's order task (with a customer, no lines yet): press "Update order" on it.</summary>
    public int DemoOrderTask { get; private set; }

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (!sandbox.Enabled) return;

        var hub = sandboxAddress.Base;
        moySklad.Seed(MoySkladSandbox.DemoAccount, Size, Seed);
        planfix.Seed(PlanfixSandbox.DemoAccount, 0, Seed);
        var directory = planfix.AddDirectory(PlanfixSandbox.DemoAccount, "Товары МойСклад",
            [.. ProductFields.DirectoryNames.Values.Select(n => (n, n is "Stock" or "Available" or "Reserve" ? 1 : 0)),
             (ProductFields.DefaultPriceType, 1), ("Бренд", 0)]);
        var lineItems = AddOrderDesk();

        await using var db = await dbs.CreateDbContextAsync(ct);
        var created = !await db.Tenants.AnyAsync(t => t.Slug == Slug, ct);
        var moySkladFields = new Dictionary<string, string?> { ["baseUrl"] = MoySkladSandbox.BaseUrl(hub) };
        var planfixFields = new Dictionary<string, string?> { ["baseUrl"] = PlanfixSandbox.BaseUrl(hub) };
        JsonObject? settings = null;
        if (created)
        {
            moySkladFields["token"] = MoySkladSandbox.DemoToken;
            planfixFields["token"] = PlanfixSandbox.DemoToken;
            planfixFields[PlanfixHooks.HookToken] = DemoHookToken;
            settings = new JsonObject
            {
                ["planfix"] = new JsonObject { ["productDirectoryId"] = directory, ["lineItemsDataTagId"] = lineItems },
                ["orders"] = new JsonObject
                {
                    ["organizationId"] = moySklad.OrganizationId(MoySkladSandbox.DemoAccount), ["storeId"] = moySklad.StoreId(MoySkladSandbox.DemoAccount),
                },
                ["products"] = new JsonObject { ["extraFields"] = new JsonObject { ["Бренд"] = "Бренд" } },
                // The emulator's order process: "Отгружен" makes the demand, "Возврат" the sales return.
                ["shipments"] = new JsonObject { ["atStatuses"] = new JsonArray(planfix.StatusId(PlanfixSandbox.DemoAccount, ShippedStatus)) },
                ["returns"] = new JsonObject { ["atStatuses"] = new JsonArray(planfix.StatusId(PlanfixSandbox.DemoAccount, ReturnedStatus)) },
            };
        }
        // On later starts only the addresses are refreshed (the port may differ); options a user changed are kept.
        var input = new TenantInput(created ? "Demo shop (MoySklad ↔ Planfix)" : null, MoySkladPlanfixIntegration.Key,
            new() { [MoySkladConnection.System] = moySkladFields, [PlanfixConnection.System] = planfixFields }, settings);
        // Its connections are this hub's own emulators, seeded a moment ago: the flows start on, as a demo should.
        await tenants.UpsertAsync(Slug, input, ct, flowsOn: true);
        // The emulators were seeded again just now (at every start: they keep data in memory), so what the tenant
        // remembers of its synced records points at records that are gone; its next runs write everything anew.
        if (!created) await records.ForgetAsync(Slug, ct);
        if (created) log.LogInformation("Created the demo tenant {Slug} on the MoySklad and Planfix emulators", Slug);
        log.LogInformation("Demo order task for the Update order button of {Slug}: {Task}", Slug, DemoOrderTask);
    }

    /// <summary>
    /// The Planfix side of both buttons, shipments and returns as issue 13 fixes it: the task and contact fields, the line-items data tag,
    /// and one customer with an order task. Created in the same order on every start, so the ids stay the same.
    /// </summary>
    private int AddOrderDesk()
    {
        const string account = PlanfixSandbox.DemoAccount;
        planfix.AddTaskField(account, OrderFields.Reserve, 7);
        planfix.AddTaskField(account, OrderFields.OrderLink, 0);
        planfix.AddTaskField(account, OrderFields.OrderId, 0);
        planfix.AddTaskField(account, OrderFields.Errors, 2);
        foreach (var field in new[] { OrderFields.ShipmentLink, OrderFields.ShipmentId, OrderFields.ReturnLink, OrderFields.ReturnId, OrderFields.InvoiceLink, OrderFields.InvoiceId })
            planfix.AddTaskField(account, field, 0);
        planfix.AddTaskField(account, OrderFields.InvoiceFormat, 8, OrderFields.InvoiceFormats);
        planfix.AddContactField(account, OrderFields.ContactMoySkladId, 0);
        var lineItems = planfix.AddDataTag(account, "Товары заказа", (OrderFields.LineProduct, 9), (OrderFields.LineQuantity, 1), (OrderFields.LinePrice, 1));
        var customer = planfix.AddContact(account, "Иван Петров", "ivan.petrov@example.ru", "+79001234567");
        DemoOrderTask = planfix.AddTask(account, "Заказ покупателя (демо)", customer);
        return lineItems;
    }
}
