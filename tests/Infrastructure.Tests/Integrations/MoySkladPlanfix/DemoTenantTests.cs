using Koppel.Infrastructure.Sandbox;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

public sealed class DemoTenantTests
{
    /// <summary>A hub with the emulators' pacing lifted on both sides: Planfix's one call a second would make each test a minute long.</summary>
    private static async Task<TestHub> StartAsync()
    {
        var hub = await TestHub.StartAsync(s =>
            s.AddSingleton(sp => new Koppel.Infrastructure.Http.ConnectorHttp(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(), unthrottled: true)));
        hub.Get<MoySkladSandbox>().UnitsPerRequest = 0;
        hub.Get<PlanfixSandbox>().RequestsPerSecond = 0;
        return hub;
    }

    private static MoySkladPlanfixDemo Demo(TestHub hub)
    {
        var sandbox = new SandboxOptions { Enabled = true, BaseUrl = hub.BaseAddress.ToString() };
        return new MoySkladPlanfixDemo(sandbox, new SandboxAddress(sandbox, new ConfigurationBuilder().Build()), hub.Get<TenantService>(), hub.Get<IDbContextFactory<KoppelDb>>(),
            hub.Get<MoySkladSandbox>(), hub.Get<PlanfixSandbox>(), hub.Get<SyncedRecords>(), NullLogger<MoySkladPlanfixDemo>.Instance);
    }

    [Fact]
    public async Task The_demo_tenant_syncs_every_seeded_product_into_the_Planfix_directory_out_of_the_box()
    {
        await using var hub = await StartAsync();
        var demo = Demo(hub);

        await demo.EnsureAsync(CancellationToken.None);
        await demo.EnsureAsync(CancellationToken.None);
        var run = await hub.Get<RunLauncher>().RunAsync(MoySkladPlanfixDemo.Slug, ProductsFlow.Key, new RunRequest(), CancellationToken.None);

        Assert.Equal((RunStatus.Succeeded, MoySkladPlanfixDemo.Size, 0), (run.Status, run.Created, run.Failed));
    }

    [Fact]
    public async Task The_demo_order_task_becomes_a_MoySklad_order_when_Update_order_is_pressed()
    {
        await using var hub = await StartAsync();
        var demo = Demo(hub);
        await demo.EnsureAsync(CancellationToken.None);
        var launcher = hub.Get<RunLauncher>();
        await launcher.RunAsync(MoySkladPlanfixDemo.Slug, ProductsFlow.Key, new RunRequest(), CancellationToken.None);

        var run = await launcher.RunAsync(MoySkladPlanfixDemo.Slug, Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders.OrdersFlow.Key,
            new RunRequest(RunMode.SingleRecord, RunTrigger.Webhook, demo.DemoOrderTask.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Created));
        var order = Assert.Single(hub.Get<MoySkladSandbox>().OrdersOf(MoySkladSandbox.DemoAccount));
        Assert.Equal(order["id"]!.ToString(), hub.Get<PlanfixSandbox>().TaskValues(PlanfixSandbox.DemoAccount, demo.DemoOrderTask)["MoySklad order id"]!.ToString());
    }

    [Fact]
    public async Task The_demo_seeded_again_as_at_a_restart_leaves_no_stale_links_or_cursors_and_the_next_run_writes_every_product()
    {
        await using var hub = await StartAsync();
        var demo = Demo(hub);
        var launcher = hub.Get<RunLauncher>();
        await demo.EnsureAsync(CancellationToken.None);
        var first = await launcher.RunAsync(MoySkladPlanfixDemo.Slug, ProductsFlow.Key, new RunRequest(), CancellationToken.None);

        // What a start does: the emulators (in memory) are seeded anew, the Planfix account empty again.
        await demo.EnsureAsync(CancellationToken.None);
        int links;
        List<string?> cursors;
        await using (var db = await hub.DbAsync())
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Slug == MoySkladPlanfixDemo.Slug);
            links = await db.RecordLinks.CountAsync(l => l.TenantId == tenant.Id);
            cursors = await db.FlowStates.Where(f => f.TenantId == tenant.Id).Select(f => f.Cursor).ToListAsync();
        }
        var again = await launcher.RunAsync(MoySkladPlanfixDemo.Slug, ProductsFlow.Key, new RunRequest(), CancellationToken.None);

        Assert.Equal((RunStatus.Succeeded, MoySkladPlanfixDemo.Size), (first.Status, first.Created));
        Assert.Equal(0, links);
        Assert.All(cursors, Assert.Null);
        Assert.Equal((RunStatus.Succeeded, MoySkladPlanfixDemo.Size, 0, 0), (again.Status, again.Created, again.Updated, again.Failed));
    }

    [Fact]
    public async Task The_demo_order_task_gets_its_demand_at_the_shipped_status_and_its_return_at_the_return_status()
    {
        await using var hub = await StartAsync();
        var demo = Demo(hub);
        await demo.EnsureAsync(CancellationToken.None);
        var launcher = hub.Get<RunLauncher>();
        var planfix = hub.Get<PlanfixSandbox>();
        var task = demo.DemoOrderTask.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Task<SyncRun> RunOne(string flow) =>
            launcher.RunAsync(MoySkladPlanfixDemo.Slug, flow, new RunRequest(RunMode.SingleRecord, RunTrigger.Webhook, task), CancellationToken.None);
        await RunOne(Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders.OrdersFlow.Key);

        planfix.SetTaskStatus(PlanfixSandbox.DemoAccount, demo.DemoOrderTask, planfix.StatusId(PlanfixSandbox.DemoAccount, MoySkladPlanfixDemo.ShippedStatus));
        var shipped = await RunOne(Koppel.Infrastructure.Integrations.MoySkladPlanfix.Shipments.ShipmentsFlow.Key);
        planfix.SetTaskStatus(PlanfixSandbox.DemoAccount, demo.DemoOrderTask, planfix.StatusId(PlanfixSandbox.DemoAccount, MoySkladPlanfixDemo.ReturnedStatus));
        var returned = await RunOne(Koppel.Infrastructure.Integrations.MoySkladPlanfix.Returns.ReturnsFlow.Key);

        Assert.Equal((RunStatus.Succeeded, 1, RunStatus.Succeeded, 1), (shipped.Status, shipped.Created, returned.Status, returned.Created));
        var values = planfix.TaskValues(PlanfixSandbox.DemoAccount, demo.DemoOrderTask);
        Assert.Equal(Assert.Single(hub.Get<MoySkladSandbox>().DemandsOf(MoySkladSandbox.DemoAccount))["id"]!.ToString(), values["MoySklad shipment id"]!.ToString());
        Assert.Equal(Assert.Single(hub.Get<MoySkladSandbox>().SalesReturnsOf(MoySkladSandbox.DemoAccount))["id"]!.ToString(), values["MoySklad return id"]!.ToString());
    }
}
