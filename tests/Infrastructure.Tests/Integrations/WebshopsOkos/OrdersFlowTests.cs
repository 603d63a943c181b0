using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Sandbox;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Integrations.WebshopsOkos;

/// <summary>The orders flow, per webshop, through the engine against the three emulators.</summary>
public sealed class OrdersFlowTests
{
    private static ShopRenterOrderSeed SrOrder(string email, int? customerId = null, string sku = "KB-100") => new()
    {
        Firstname = "Anna", Lastname = "Kovács", Email = email, CustomerId = customerId, Comment = "Délután",
        Lines = [new(sku, "Kerti szék", 2, 12000)],
        Totals = [new("SHIPPING", "Szállítási díj:", 1490)],
    };

    private static UnasOrderSeed UnasOrder(int invoiceStatus, string email = "peter@example.hu") => new()
    {
        Name = "Szabó Péter", Email = email, InvoiceStatus = invoiceStatus,
        Items = [new("CS-200", "Csiszológép", 1, 19990), new("shipping-cost", "Szállítási költség", 1, 1490)],
    };

    [Fact]
    public async Task Each_webshops_orders_file_under_its_own_sequence_and_warehouse_and_a_second_run_writes_nothing()
    {
        await using var hub = await WebshopsHub.StartAsync();
        hub.ShopRenter.AddOrder(WebshopsHub.Shop, SrOrder("anna@example.hu", 501));
        hub.ShopRenter.AddOrder(WebshopsHub.Shop, SrOrder("guest@example.hu"));
        hub.Unas.AddOrder(WebshopsHub.UnasKey, UnasOrder(0));

        var sr = await hub.RunAsync("orders", "sr1");
        var un = await hub.RunAsync("orders", "un1");

        Assert.Equal((RunStatus.Succeeded, 2, 2), (sr.Status, sr.Read, sr.Created));
        Assert.Equal((RunStatus.Succeeded, 1, 1), (un.Status, un.Read, un.Created));
        var documents = hub.Erp.With(WebshopsHub.Company, c => c.Documents);
        Assert.Equal(["SR-00001", "SR-00002", "UN-00001"], documents.Select(d => d["number"]!.ToString()).Order().ToList());
        Assert.All(documents.Where(d => d["number"]!.ToString().StartsWith("SR")), d => Assert.Equal("2", d["warehouseId"]!.ToString()));
        Assert.Equal("1", documents.Single(d => d["number"]!.ToString() == "UN-00001")["warehouseId"]!.ToString());
        Assert.Equal(["sr1:1", "sr1:2", "un1:12345-1001"], documents.Select(d => d["externalId"]!.ToString()).Order().ToList());

        var erpWrites = hub.Erp.Writes;
        var again = await hub.RunAsync("orders", "sr1");
        var againUnas = await hub.RunAsync("orders", "un1");
        Assert.Equal((0, 0), (again.Created, againUnas.Created));
        Assert.Equal(erpWrites, hub.Erp.Writes);
        await using var db = await hub.Hub.DbAsync();
        Assert.Equal(2, await db.RecordLinks.CountAsync(l => l.Entity == "order@sr1"));
        Assert.Equal(1, await db.RecordLinks.CountAsync(l => l.Entity == "order@un1"));
        Assert.Equal(["orders@sr1", "orders@un1"], await db.FlowStates.Where(s => s.Flow.StartsWith("orders")).OrderBy(s => s.Flow).Select(s => s.Flow).ToListAsync());
    }

    [Fact]
    public async Task UNAS_customers_match_by_name_and_email_only_not_by_the_shops_customer_id()
    {
        await using var hub = await WebshopsHub.StartAsync();
        var existing = hub.Erp.With(WebshopsHub.Company, c => c.AddCustomer(new() { ["name"] = "Szabó Péter", ["email"] = "peter@example.hu" }));
        hub.Unas.AddOrder(WebshopsHub.UnasKey, UnasOrder(0) with { CustomerId = 77 });

        await hub.RunAsync("orders", "un1");

        var document = Assert.Single(hub.Erp.With(WebshopsHub.Company, c => c.Documents));
        Assert.Equal(existing, document["customerId"]!.ToString());
        Assert.Single(hub.Erp.With(WebshopsHub.Company, c => c.Customers));
    }

    [Fact]
    public async Task With_the_invoiceable_option_an_UNAS_order_waits_until_it_reaches_the_status()
    {
        await using var hub = await WebshopsHub.StartAsync(unasOrderStatuses: "invoiceable");
        var key = hub.Unas.AddOrder(WebshopsHub.UnasKey, UnasOrder(0));
        hub.Unas.AddOrder(WebshopsHub.UnasKey, UnasOrder(1, "zoli@example.hu"));

        var first = await hub.RunAsync("orders", "un1");
        Assert.Equal((1, 1), (first.Created, first.Skipped));
        Assert.Single(hub.Erp.With(WebshopsHub.Company, c => c.Documents));

        hub.Unas.ChangeOrder(WebshopsHub.UnasKey, key, o => o with { InvoiceStatus = 1 });
        var second = await hub.RunAsync("orders", "un1");

        Assert.Equal(1, second.Created);
        Assert.Equal(2, hub.Erp.With(WebshopsHub.Company, c => c.Documents).Count);
    }

    [Fact]
    public async Task A_run_that_stops_mid_page_resumes_without_skipping_or_duplicating_an_order()
    {
        const int Orders = 12;
        await using var hub = await WebshopsHub.StartAsync();
        for (var i = 0; i < Orders; i++) hub.ShopRenter.AddOrder(WebshopsHub.Shop, SrOrder($"buyer{i}@example.hu"));
        var faults = hub.Hub.Get<SandboxFaults>();
        // A slow ERP, and the hub stopping once some documents exist: the page (and its cursor) is never committed.
        // Slow enough that the run is still writing when this test, on a busy machine, notices the second document.
        faults.Plan("okos-ugyvitel", new FaultPlan { DelayMilliseconds = 300 });
        using var stop = new CancellationTokenSource();
        var running = hub.RunAsync("orders", "sr1", stop.Token);
        while (hub.Erp.With(WebshopsHub.Company, c => c.Documents).Count < 2 && !running.IsCompleted) await Task.Delay(20);
        stop.Cancel();
        var stopped = await running;
        faults.Clear("okos-ugyvitel");
        Assert.Equal(RunStatus.Failed, stopped.Status);
        Assert.InRange(hub.Erp.With(WebshopsHub.Company, c => c.Documents).Count, 2, Orders - 1);

        var resumed = await hub.RunAsync("orders", "sr1");

        Assert.Equal(RunStatus.Succeeded, resumed.Status);
        var documents = hub.Erp.With(WebshopsHub.Company, c => c.Documents);
        Assert.Equal(Enumerable.Range(1, Orders).Select(i => $"sr1:{i}").Order(), documents.Select(d => d["externalId"]!.ToString()).Order());
        await using var db = await hub.Hub.DbAsync();
        Assert.Equal(Orders, await db.RecordLinks.CountAsync(l => l.Entity == "order@sr1"));
        Assert.Equal($"{Orders}", await db.FlowStates.Where(s => s.Flow == "orders@sr1").Select(s => s.Cursor).SingleAsync());
    }
}
