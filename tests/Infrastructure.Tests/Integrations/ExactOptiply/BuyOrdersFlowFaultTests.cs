using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.BuyOrders;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

/// <summary>Optiply failing in the middle of a buy-orders run: the next run completes it, no order or line twice.</summary>
public sealed class BuyOrdersFlowFaultTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(120)]
    public async Task Server_errors_from_Optiply_mid_run_leave_every_order_and_line_once_after_the_next_run(int errors)
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 80);
        await hub.MasterDataAsync();
        hub.Faults.Plan("optiply", new FaultPlan { AfterRequests = 6, ServerErrors = errors });

        var first = await hub.RunAsync(BuyOrdersFlow.Key);
        hub.Faults.Clear("optiply");
        var second = await hub.RunAsync(BuyOrdersFlow.Key);

        // A short burst is retried within the run; a long one fails records (or stops the run) until the next.
        if (errors <= 3) Assert.Equal((RunStatus.Succeeded, 0), (first.Status, first.Failed));
        else Assert.NotEqual(RunStatus.Succeeded, first.Status);
        Assert.Equal(RunStatus.Succeeded, second.Status);
        var orders = hub.Optiply.BuyOrders(ExactOptiplyHub.Account);
        var lines = hub.Optiply.BuyOrderLines(ExactOptiplyHub.Account);
        foreach (var po in hub.PurchaseOrders())
        {
            var id = po["PurchaseOrderID"]!.ToString().ToLowerInvariant();
            var order = Assert.Single(orders, o => o["remoteIdMap"]?[OptiplyDemoLogin.CouplingId]?.ToString() == id);
            foreach (var line in hub.PurchaseOrderLines(id))
                Assert.Single(lines, l => l["buyOrderId"]!.ToString() == order["id"]!.ToString()
                                          && l["remoteIdMap"]?[OptiplyDemoLogin.CouplingId]?.ToString() == line["ID"]!.ToString().ToLowerInvariant());
        }
        Assert.Equal(hub.PurchaseOrders().Sum(po => hub.PurchaseOrderLines(po["PurchaseOrderID"]!.ToString()).Count),
            lines.Count(l => orders.Any(o => o["id"]!.ToString() == l["buyOrderId"]!.ToString() && o["assembly"]?.GetValue<bool>() != true)));
    }
}
