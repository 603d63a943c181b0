using Koppel.Domain.Sync;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

public sealed class StocksAndFaultsTests
{
    [Fact]
    public async Task A_stock_mutation_sets_the_free_stock_and_a_repeated_delivery_writes_nothing()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var product = hub.Product("GG-1", freeStock: 10);
        await hub.RunAsync("products");
        var uuid = product["uuid"]!.ToString();

        hub.GoedGepickt.SetFreeStock(GoedGepicktOptiplyHub.GgAccount, uuid, -2);
        var run = await hub.RunOneAsync("stocks", uuid);

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Created + run.Updated));
        Assert.Equal(-2, (int)hub.OptiplyByRemoteId("products", uuid)!["stockLevel"]!);
        var writes = hub.Optiply.Writes;
        await hub.RunOneAsync("stocks", uuid);
        Assert.Equal(writes, hub.Optiply.Writes);
    }

    [Fact]
    public async Task A_product_change_is_written_at_once_and_the_nightly_run_then_finds_nothing_to_do()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var product = hub.Product("GG-1");
        await hub.RunAsync("products");
        var uuid = product["uuid"]!.ToString();

        hub.GoedGepickt.ChangeProduct(GoedGepicktOptiplyHub.GgAccount, uuid, p => { p["price"] = "14.00"; p["purchasable"] = false; });
        await hub.RunOneAsync("product-changes", uuid);

        var written = hub.OptiplyByRemoteId("products", uuid)!;
        Assert.Equal("14.00", (string?)written["price"]);
        Assert.True((bool)written["notBeingBought"]!);
        var writes = hub.Optiply.Writes;
        Assert.Equal(1, (await hub.RunAsync("products")).Unchanged);
        Assert.Equal(writes, hub.Optiply.Writes);
    }

    [Fact]
    public async Task Too_Many_Attempts_without_Retry_After_and_server_errors_are_waited_out()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        hub.Product("GG-1");
        hub.Product("GG-2");
        hub.Faults.Plan("goedgepickt", new FaultPlan { TooManyRequests = 1, ServerErrors = 1 });

        var run = await hub.RunAsync("products");

        Assert.Equal((RunStatus.Succeeded, 2), (run.Status, run.Created));
        Assert.Equal(0, hub.Faults.Current("goedgepickt")!.TooManyRequests + hub.Faults.Current("goedgepickt")!.ServerErrors);
    }

    [Fact]
    public async Task Optiplys_429_with_Retry_After_and_server_errors_are_waited_out_and_nothing_is_written_twice()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        hub.Product("GG-1");
        hub.Product("GG-2");
        hub.Faults.Plan("optiply", new FaultPlan { AfterRequests = 1, TooManyRequests = 1, ServerErrors = 1 });

        var run = await hub.RunAsync("products");

        Assert.Equal((RunStatus.Succeeded, 2), (run.Status, run.Created));
        Assert.Equal(0, hub.Faults.Current("optiply")!.TooManyRequests + hub.Faults.Current("optiply")!.ServerErrors);
        Assert.Equal(["GG-1", "GG-2"], hub.Optiply.Products(GoedGepicktOptiplyHub.Account).Select(p => (string)p["skuCode"]!).Order());
    }

    [Fact]
    public async Task A_wrong_api_key_is_accepted_when_saved_and_the_run_fails_saying_GoedGepickt_refused_it()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync(apiKey: "typo-in-the-key");
        hub.Product("GG-1");

        var run = await hub.RunAsync("products");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("GoedGepickt refused the API key", run.Error);
        Assert.Empty(hub.Optiply.Products(GoedGepicktOptiplyHub.Account));
    }
}
