using System.Text.Json.Nodes;
using Koppel.Domain.Reconciliation;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Reconciliation;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Tests.Integrations.ExactOptiply;
using Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

namespace Koppel.Infrastructure.Tests.Reconciliation;

/// <summary>
/// The reconciliation report against the emulators over loopback HTTP: its counts are what the emulators hold, its
/// links and failures what the runs left, and a side without a count call says so instead of showing zero.
/// </summary>
public sealed class ReconciliationTests
{
    private const int Items = 30;

    [Fact]
    public async Task Exact_to_Optiply_products_count_both_systems_and_show_the_failing_records_by_reason()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items);
        // Two items reach the hub unreadable: they fail, and stay in Exact only.
        hub.Faults.Plan(ExactOnlineSandbox.SegmentName, new FaultPlan { MalformedRecords = 2 });
        var run = await hub.RunAsync("products");
        hub.Faults.Clear(ExactOnlineSandbox.SegmentName);
        Assert.Equal((Items - 2, 2), (run.Created, run.Failed));
        // A product someone made in Optiply by hand: the hub never linked it.
        hub.Optiply.Add(ExactOptiplyHub.Account, "products", new JsonObject
        {
            ["name"] = "Made in Optiply", ["skuCode"] = "OPT-HAND-1", ["stockLevel"] = 0, ["unlimitedStock"] = false,
        });

        var report = await hub.Hub.Get<ReconciliationService>().ComputeAsync(ExactOptiplyHub.Slug, default);

        var products = report.Entities.Single(e => e.Entity == "product");
        var exactItems = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Items).Count;
        var optiplyProducts = hub.Optiply.Products(ExactOptiplyHub.Account).Count;
        Assert.Equal(Items, exactItems);
        Assert.Equal(exactItems, products.SourceCount);
        Assert.Equal(optiplyProducts, products.TargetCount);
        Assert.Equal(Items - 2, products.Linked);
        Assert.Equal(2, products.SourceOnly);
        Assert.Equal(optiplyProducts - (Items - 2), products.TargetOnly);
        Assert.True(products.TargetOnly >= 1);
        Assert.Equal(2, products.FailingTotal);
        Assert.All(products.Failing, f => Assert.Equal("products", f.Flow));
        Assert.All(products.Failing, f => Assert.StartsWith("This record could not be read from Exact Online:", f.Reason));
        Assert.Null(products.SourceProblem);
        Assert.Null(products.TargetProblem);
    }

    [Fact]
    public async Task Exact_suppliers_are_counted_as_accounts_that_are_suppliers()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items);
        var run = await hub.RunAsync("suppliers");

        var report = await hub.Hub.Get<ReconciliationService>().ComputeAsync(ExactOptiplyHub.Slug, default);

        var suppliers = report.Entities.Single(e => e.Entity == "supplier");
        var inExact = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Accounts).Count(a => (bool)a["IsSupplier"]!);
        Assert.True(inExact < hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Accounts).Count, "The division has customers too.");
        Assert.Equal(inExact, suppliers.SourceCount);
        Assert.Equal(hub.Optiply.Suppliers(ExactOptiplyHub.Account).Count, suppliers.TargetCount);
        Assert.Equal(run.Created, suppliers.Linked);
        // The nameless supplier is skipped, not failing: it is on the Exact side only.
        Assert.Equal(inExact - run.Created, suppliers.SourceOnly);
        Assert.Equal(0, suppliers.FailingTotal);
    }

    [Fact]
    public async Task Flows_without_a_count_call_are_not_counted_rather_than_zero()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items);

        var report = await hub.Hub.Get<ReconciliationService>().ComputeAsync(ExactOptiplyHub.Slug, default);

        var sellOrders = report.Entities.Single(e => e.Entity == "sell-order");
        Assert.Null(sellOrders.SourceCount);
        Assert.Null(sellOrders.TargetCount);
        Assert.Null(sellOrders.SourceOnly);
        Assert.Null(sellOrders.TargetOnly);
        Assert.False(sellOrders.Estimated);
        Assert.Contains("not counted", ReconciliationCsv.Write(report).Split("\r\n").Single(l => l.StartsWith("sell-order,", StringComparison.Ordinal)));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_computed_report_is_stored_as_the_tenants_latest(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items, database: database);
        var service = hub.Hub.Get<ReconciliationService>();
        Assert.Null(await service.LatestAsync(ExactOptiplyHub.Slug, default));
        await hub.RunAsync("products");

        var computed = await service.ComputeAsync(ExactOptiplyHub.Slug, default);
        var latest = await service.LatestAsync(ExactOptiplyHub.Slug, default);

        Assert.NotNull(latest);
        Assert.Equal(computed.ComputedAt, latest.ComputedAt);
        Assert.Equal(computed.Entities.Select(e => (e.Entity, e.SourceCount, e.TargetCount, e.Linked, e.SourceOnly, e.TargetOnly)),
            latest.Entities.Select(e => (e.Entity, e.SourceCount, e.TargetCount, e.Linked, e.SourceOnly, e.TargetOnly)));
    }

    [Fact]
    public async Task GoedGepickt_products_and_suppliers_are_counted_from_the_paging_totals()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var supplier = hub.Supplier("Leverancier A");
        hub.Supplier("Leverancier B");
        hub.Product("GG-1", supplier);
        hub.Product("GG-2", supplier);
        // Left out by the flow's rules: in GoedGepickt only.
        hub.Product("GG-3", ignore: true);
        await hub.RunAsync("suppliers");
        var products = await hub.RunAsync("products");
        Assert.Equal((RunStatus.Succeeded, 2), (products.Status, products.Created));

        var report = await hub.Hub.Get<ReconciliationService>().ComputeAsync(GoedGepicktOptiplyHub.Slug, default);

        var product = report.Entities.Single(e => e.Entity == "product");
        Assert.Equal(hub.GoedGepickt.Products(GoedGepicktOptiplyHub.GgAccount).Count, product.SourceCount);
        Assert.Equal(3, product.SourceCount);
        Assert.Equal(2, product.Linked);
        Assert.Equal(1, product.SourceOnly);
        Assert.Equal(hub.Optiply.Products(GoedGepicktOptiplyHub.Account).Count, product.TargetCount);
        var suppliers = report.Entities.Single(e => e.Entity == "supplier");
        Assert.Equal(2, suppliers.SourceCount);
        Assert.Equal(2, suppliers.Linked);
        Assert.Equal(0, suppliers.SourceOnly);
        Assert.Equal(hub.Optiply.Suppliers(GoedGepicktOptiplyHub.Account).Count, suppliers.TargetCount);
    }

    [Fact]
    public async Task The_nightly_job_stores_a_report_for_every_tenant()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items);
        await hub.RunAsync("products");
        var service = hub.Hub.Get<ReconciliationService>();

        await hub.Hub.Get<NightlyReconciliation>().Invoke();

        var latest = await service.LatestAsync(ExactOptiplyHub.Slug, default);
        Assert.NotNull(latest);
        Assert.Equal(Items, latest.Entities.Single(e => e.Entity == "product").Linked);
    }
}
