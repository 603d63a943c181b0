using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Stocks;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

public sealed class StocksFlowTests
{
    private const string Flow = StocksFlow.Key;

    [Fact]
    public async Task A_stock_change_updates_the_three_stock_fields_of_that_entry_only_then_nothing()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 5);
        await hub.RunAsync(ProductsFlow.Key);
        // The seeded stock must lie further back than the cursor's overlap before the first stocks run, or the next
        // run's changedSince still reaches it and reports every product.
        await Task.Delay(6000);
        await hub.RunAsync(Flow);
        var before = hub.Entries.ToDictionary(e => e["key"]!.ToString(), e => e.ToJsonString());
        var writes = hub.Planfix.Writes;
        hub.MoySklad.SetStock(MoySkladPlanfixHub.Account, hub.Product("C00004")["id"]!.ToString(), stock: 30, reserve: 5, inTransit: 2);

        var run = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.Succeeded, 1, 1), (run.Status, run.Read, run.Updated));
        Assert.Equal(writes + 1, hub.Planfix.Writes);
        var entry = hub.EntryOf("C00004");
        var values = entry["values"]!;
        Assert.Equal((30m, 27m, 5m), (values["Stock"]!.GetValue<decimal>(), values["Available"]!.GetValue<decimal>(), values["Reserve"]!.GetValue<decimal>()));
        foreach (var other in hub.Entries.Where(e => e["key"]!.ToString() != entry["key"]!.ToString()))
            Assert.Equal(before[other["key"]!.ToString()], other.ToJsonString());

        var quiet = await hub.RunAsync(Flow);
        Assert.Equal(0, quiet.Updated);
        Assert.Equal(writes + 1, hub.Planfix.Writes);
    }

    [Fact]
    public async Task Stock_of_products_not_yet_in_Planfix_is_skipped_and_the_products_flow_is_not_disturbed()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 3);

        var early = await hub.RunAsync(Flow);
        await hub.RunAsync(ProductsFlow.Key);
        var writes = hub.Planfix.Writes;
        await hub.RunAsync(Flow, RunMode.Full);
        var products = await hub.RunAsync(ProductsFlow.Key, RunMode.Full);

        Assert.Equal((3, 0), (early.Skipped, early.Updated));
        Assert.Equal((0, 0), (products.Created, products.Updated));
        // The full stocks run writes each entry once (its first stock payload), the products flow then nothing.
        Assert.Equal(writes + 3, hub.Planfix.Writes);
    }
}
