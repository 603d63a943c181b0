using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Suppliers;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

public sealed class SuppliersFlowTests
{
    private const string Flow = SuppliersFlow.Key;

    private static List<JsonObject> ExactSuppliers(ExactOptiplyHub hub) =>
        hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Accounts).Where(a => (bool)a["IsSupplier"]!).ToList();

    [Fact]
    public async Task Every_named_supplier_is_created_with_its_name_and_by_default_without_email_or_delivery_time()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);

        var run = await hub.RunAsync(Flow);

        var suppliers = ExactSuppliers(hub);
        var named = suppliers.Where(s => !string.IsNullOrWhiteSpace((string?)s["Name"])).ToList();
        Assert.Equal(named.Count, run.Created);
        // Customers are accounts too, but never suppliers in Optiply.
        Assert.Equal(named.Count, hub.Optiply.Suppliers(ExactOptiplyHub.Account).Count);
        foreach (var exact in named)
        {
            var supplier = hub.OptiplyByRemoteId("suppliers", exact["ID"]!.ToString())!;
            Assert.Equal((string?)exact["Name"], (string?)supplier["name"]);
            Assert.Null(supplier["emails"]);
            Assert.Null(supplier["deliveryTime"]);
        }
    }

    [Fact]
    public async Task A_supplier_without_a_name_is_skipped_and_logged_with_the_reason()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        var nameless = ExactSuppliers(hub).Single(s => s["Name"] is null);

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.Skipped);
        Assert.Null(hub.OptiplyByRemoteId("suppliers", nameless["ID"]!.ToString()));
        var entry = (await hub.LogAsync(run.Id)).Single(e => e.SourceKey == nameless["ID"]!.ToString());
        Assert.Equal(Outcome.Skipped, entry.Outcome);
        Assert.Contains("has no name", entry.Message);
        Assert.Contains(((string)nameless["Code"]!).Trim(), entry.Message);
    }

    [Fact]
    public async Task With_email_mapping_on_valid_addresses_are_sent_and_an_invalid_one_leaves_the_supplier_without_and_warns()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40, settings: new JsonObject { ["suppliers"] = new JsonObject { ["mapEmail"] = true } });

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var valid = hub.ExactRow(ExactDivision.Accounts, "Name", "Houtindustrie Veluwe");
        Assert.Equal("inkoop@houtindustrieveluwe.nl", (string?)hub.OptiplyByRemoteId("suppliers", valid["ID"]!.ToString())!["emails"]![0]);
        foreach (var name in new[] { "Linnen & Co", "Lampenhuis Utrecht" })
        {
            var invalid = hub.ExactRow(ExactDivision.Accounts, "Name", name);
            var supplier = hub.OptiplyByRemoteId("suppliers", invalid["ID"]!.ToString());
            Assert.NotNull(supplier);
            Assert.Null(supplier["emails"]);
            var entry = (await hub.LogAsync(run.Id)).Single(e => e.SourceKey == invalid["ID"]!.ToString());
            Assert.Equal(Outcome.Created, entry.Outcome);
            Assert.Contains($"Warning: the e-mail address \"{invalid["Email"]}\" in Exact Online is not a valid address", entry.Message);
            Assert.Contains("without an e-mail address", entry.Message);
        }
    }

    [Fact]
    public async Task With_email_mapping_off_an_invalid_address_is_not_mentioned()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);

        var run = await hub.RunAsync(Flow);

        var invalid = hub.ExactRow(ExactDivision.Accounts, "Name", "Linnen & Co");
        var entry = (await hub.LogAsync(run.Id)).Single(e => e.SourceKey == invalid["ID"]!.ToString());
        Assert.DoesNotContain("e-mail", entry.Message);
        Assert.DoesNotContain("emails", entry.TargetPayload ?? "");
    }

    [Fact]
    public async Task With_delivery_time_mapping_on_PurchaseLeadDays_becomes_the_delivery_time()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40, settings: new JsonObject { ["suppliers"] = new JsonObject { ["mapDeliveryTime"] = true } });

        await hub.RunAsync(Flow);

        var named = ExactSuppliers(hub).Where(s => s["Name"] is not null).ToList();
        Assert.Contains(named, s => s["PurchaseLeadDays"] is null);
        Assert.Contains(named, s => s["PurchaseLeadDays"] is not null);
        foreach (var exact in named)
        {
            var supplier = hub.OptiplyByRemoteId("suppliers", exact["ID"]!.ToString())!;
            Assert.Equal((int?)exact["PurchaseLeadDays"], (int?)supplier["deliveryTime"]);
        }
    }

    [Fact]
    public async Task A_supplier_deleted_in_Exact_is_set_to_ignored_in_Optiply()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        await hub.RunAsync(Flow);
        var gone = hub.ExactRow(ExactDivision.Accounts, "Name", "Staalwerk Twente");
        hub.Exact.Delete(ExactOptiplyHub.Division, ExactDivision.Accounts, gone["ID"]!.ToString());

        var run = await hub.RunAsync(Flow);

        Assert.Equal(1, run.Deleted);
        var supplier = hub.OptiplyByRemoteId("suppliers", gone["ID"]!.ToString());
        Assert.NotNull(supplier);
        Assert.True((bool)supplier["ignored"]!);
    }

    [Fact]
    public async Task A_second_run_writes_nothing_and_one_changed_supplier_is_one_update()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 40);
        await hub.RunAsync(Flow);
        var writes = hub.Optiply.Writes;

        var quiet = await hub.RunAsync(Flow);

        Assert.Equal((0, 0, 0), (quiet.Created, quiet.Updated, quiet.Failed));
        Assert.Equal(writes, hub.Optiply.Writes);

        var changed = hub.ExactRow(ExactDivision.Accounts, "Name", "Meubelfabriek Brabant");
        hub.Exact.Change(ExactOptiplyHub.Division, ExactDivision.Accounts, changed["ID"]!.ToString(), a => a["Name"] = "Meubelfabriek Brabant B.V.");
        var run = await hub.RunAsync(Flow);

        Assert.Equal((0, 1), (run.Created, run.Updated));
        Assert.Equal(writes + 1, hub.Optiply.Writes);
        Assert.Equal("Meubelfabriek Brabant B.V.", (string?)hub.OptiplyByRemoteId("suppliers", changed["ID"]!.ToString())!["name"]);
    }
}
