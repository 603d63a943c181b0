using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

public sealed class ProductsFlowTests
{
    private const string Flow = ProductsFlow.Key;

    [Fact]
    public async Task The_first_run_creates_one_entry_per_product_with_roubles_stock_unit_and_extra_fields()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 6);
        var product = hub.Product("C00003");
        var kopecks = decimal.Parse(product["salePrices"]![0]!["value"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        hub.MoySklad.SetStock(MoySkladPlanfixHub.Account, product["id"]!.ToString(), stock: 10, reserve: 4, inTransit: 1);

        var run = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.Succeeded, 6, 6, 0), (run.Status, run.Read, run.Created, run.Failed));
        Assert.Equal(6, hub.Entries.Count);
        var entry = hub.EntryOf("C00003");
        var values = entry["values"]!;
        Assert.Equal(("Товар 00003", "ART-00003", "шт", "ext-00003"),
            (values["Name"]!.ToString(), values["Article"]!.ToString(), values["Unit"]!.ToString(), values["External code"]!.ToString()));
        Assert.Equal(kopecks / 100m, values["Цена продажи"]!.GetValue<decimal>());
        Assert.Equal((10m, 7m, 4m), (values["Stock"]!.GetValue<decimal>(), values["Available"]!.GetValue<decimal>(), values["Reserve"]!.GetValue<decimal>()));
        Assert.Equal("Acme", values[MoySkladPlanfixHub.Brand]!.ToString());
        Assert.False(entry["archived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_second_reconciliation_with_no_changes_writes_nothing_to_Planfix()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 5);
        await hub.RunAsync(Flow);
        var writes = hub.Planfix.Writes;

        var again = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.Succeeded, 0, 0), (again.Status, again.Created, again.Updated));
        Assert.Equal(writes, hub.Planfix.Writes);
    }

    [Fact]
    public async Task Reconciliation_repairs_a_product_change_whose_webhook_was_missed_and_touches_only_that_entry()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 5);
        await Task.Delay(6000); // the seeded products lie before the cursor's overlap, so unchanged ones are not read again
        await hub.RunAsync(Flow);
        var before = hub.Entries.ToDictionary(e => e["key"]!.ToString(), e => e.ToJsonString());
        var writes = hub.Planfix.Writes;
        hub.MoySklad.LoseWebhooks = true;
        hub.MoySklad.SaveProduct(MoySkladPlanfixHub.Account, new JsonObject { ["name"] = "Товар переименован" }, hub.Product("C00002")["id"]!.ToString());

        var run = await hub.RunAsync(Flow);

        Assert.Equal((1, 1), (run.Read, run.Updated));
        Assert.Equal(writes + 1, hub.Planfix.Writes);
        var changed = hub.EntryOf("C00002");
        Assert.Equal("Товар переименован", changed["values"]!["Name"]!.ToString());
        foreach (var entry in hub.Entries.Where(e => e["key"]!.ToString() != changed["key"]!.ToString()))
            Assert.Equal(before[entry["key"]!.ToString()], entry.ToJsonString());
    }

    [Fact]
    public async Task An_archived_product_is_marked_archived_and_a_deleted_one_too_not_lost()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 4);
        await hub.RunAsync(Flow);
        var archivedId = hub.Product("C00001")["id"]!.ToString();
        var deletedId = hub.Product("C00002")["id"]!.ToString();
        hub.MoySklad.SaveProduct(MoySkladPlanfixHub.Account, new JsonObject { ["archived"] = true }, archivedId);
        hub.MoySklad.DeleteProduct(MoySkladPlanfixHub.Account, deletedId);

        await hub.RunOneAsync(Flow, archivedId);
        var deletion = await hub.RunOneAsync(Flow, deletedId);

        Assert.Equal(1, deletion.Deleted);
        Assert.Equal(4, hub.Entries.Count);
        Assert.True(hub.EntryOf("C00001")["archived"]!.GetValue<bool>());
        Assert.True(hub.EntryOf("C00002")["archived"]!.GetValue<bool>());
        Assert.False(hub.EntryOf("C00003")["archived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_repeated_webhook_of_an_unchanged_product_changes_nothing()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 3);
        await hub.RunAsync(Flow);
        var id = hub.Product("C00003")["id"]!.ToString();
        var writes = hub.Planfix.Writes;

        var run = await hub.RunOneAsync(Flow, id);
        var again = await hub.RunOneAsync(Flow, id);

        Assert.Equal((0, 0), (run.Updated + again.Updated, run.Created + again.Created));
        Assert.Equal(writes, hub.Planfix.Writes);
    }

    [Fact]
    public async Task An_entry_already_in_Planfix_with_the_products_external_code_is_updated_not_duplicated()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 2, directoryFields: null);
        // As if an earlier run created the entry and stopped before it stored the link.
        await hub.RunAsync(Flow);
        await using (var db = await hub.Hub.DbAsync())
        {
            db.RecordLinks.RemoveRange(db.RecordLinks);
            await db.SaveChangesAsync();
        }

        var run = await hub.RunAsync(Flow, RunMode.Full);

        Assert.Equal((0, 2), (run.Created, run.Updated));
        Assert.Equal(2, hub.Entries.Count);
    }

    [Fact]
    public async Task A_directory_without_a_needed_field_stops_the_run_naming_the_missing_fields()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 2,
            directoryFields: ["Name", "Code", "Article", "Unit", "Stock", "Available", "External code", "Цена продажи"]);

        var run = await hub.RunAsync(Flow);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("\"Reserve\"", run.Error);
        Assert.Contains("\"Оптовая цена\"", run.Error);
        Assert.Contains("\"Brand\"", run.Error);
        Assert.Empty(hub.Entries);
    }
}
