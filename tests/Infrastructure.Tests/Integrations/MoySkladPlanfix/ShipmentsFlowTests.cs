using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Shipments;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>Shipments: a Planfix order task at a shipment status becomes one MoySklad demand, through both emulators over HTTP.</summary>
public sealed class ShipmentsFlowTests
{
    private const string Account = MoySkladPlanfixHub.Account;

    private static async Task<(OrderDesk Desk, int Task, string OrderId)> OrderedAsync()
    {
        var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван Петров", "ivan@example.ru"), ("C00001", 2, 150m), ("C00002", 1, 99.5m));
        await desk.PressAsync(task);
        return (desk, task, desk.Orders.Single()["id"]!.ToString());
    }

    [Fact]
    public async Task A_task_reaching_a_shipment_status_gets_one_demand_made_from_its_order_with_id_and_link_written_back()
    {
        var (desk, task, orderId) = await OrderedAsync();
        await using var _ = desk;
        var stockBefore = desk.Hub.MoySklad.StockOf(Account, desk.ProductId("C00001"));

        var (shipments, _) = await desk.MoveToAsync(task, OrderDesk.Shipped);

        Assert.Equal((RunStatus.Succeeded, 1), (shipments.Status, shipments.Created));
        var demand = Assert.Single(desk.Demands);
        var id = demand["id"]!.ToString();
        Assert.EndsWith(orderId, demand["customerOrder"]!["meta"]!["href"]!.ToString());
        Assert.Equal(39950m, demand["sum"]!.GetValue<decimal>());
        Assert.Equal(stockBefore - 2, desk.Hub.MoySklad.StockOf(Account, desk.ProductId("C00001")));
        var values = desk.Task(task);
        Assert.Equal(id, values[OrderFields.ShipmentId]!.ToString());
        Assert.Contains(id, values[OrderFields.ShipmentLink]!.ToString());
        Assert.Null(values[OrderFields.Errors]);
        Assert.Contains("PUT /entity/demand/new", desk.Hub.MoySklad.Requests);
    }

    [Fact]
    public async Task A_second_status_event_makes_no_second_demand_and_writes_nothing()
    {
        var (desk, task, _) = await OrderedAsync();
        await using var _ = desk;
        await desk.MoveToAsync(task, OrderDesk.Shipped);
        var (planfixWrites, moySkladWrites) = (desk.Hub.Planfix.Writes, desk.Hub.MoySklad.Writes);

        var again = await desk.Hub.RunOneAsync(ShipmentsFlow.Key, task.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((RunStatus.Succeeded, 0, 0), (again.Status, again.Created, again.Failed));
        Assert.Single(desk.Demands);
        Assert.Equal((planfixWrites, moySkladWrites), (desk.Hub.Planfix.Writes, desk.Hub.MoySklad.Writes));
    }

    [Fact]
    public async Task A_demand_made_before_a_crash_lost_the_write_back_is_found_on_the_order_and_not_made_again()
    {
        var (desk, task, _) = await OrderedAsync();
        await using var _ = desk;
        await desk.MoveToAsync(task, OrderDesk.Shipped);
        var id = desk.Demands.Single()["id"]!.ToString();
        // As if the hub had stopped between MoySklad's create and both the Planfix write-back and its own link.
        desk.Hub.Planfix.SetTaskValue(Account, task, OrderFields.ShipmentId, "");
        desk.Hub.Planfix.SetTaskValue(Account, task, OrderFields.ShipmentLink, "");
        await desk.Hub.ForgetLinksAsync(ShipmentsFlow.Entity);

        var run = await desk.Hub.RunOneAsync(ShipmentsFlow.Key, task.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((RunStatus.Succeeded, 0, 1), (run.Status, run.Created, run.Updated));
        Assert.Equal(id, Assert.Single(desk.Demands)["id"]!.ToString());
        Assert.Equal(id, desk.Task(task)[OrderFields.ShipmentId]!.ToString());
    }

    [Fact]
    public async Task A_task_at_another_status_gets_no_demand_and_no_log_line()
    {
        var (desk, task, _) = await OrderedAsync();
        await using var _ = desk;

        var (shipments, _) = await desk.MoveToAsync(task, "В работе");

        Assert.Equal((RunStatus.Succeeded, 0, 0), (shipments.Status, shipments.Created, shipments.Failed));
        Assert.Empty(desk.Demands);
        Assert.Empty(await desk.Hub.LogAsync(shipments.Id));
    }

    [Fact]
    public async Task A_task_without_a_MoySklad_order_says_press_Update_order_first_in_the_log_and_in_Errors()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 1, 10m));

        var (shipments, _) = await desk.MoveToAsync(task, OrderDesk.Shipped);

        Assert.Equal(1, shipments.Failed);
        Assert.Empty(desk.Demands);
        const string expected = "MoySklad shipment not made: the task has no MoySklad order yet, and a shipment is made from the order. "
            + "Press \"Update order\" first, then set the status again.";
        Assert.Equal(expected, desk.Task(task)[OrderFields.Errors]!.ToString());
        Assert.Contains(await desk.Hub.LogAsync(shipments.Id), e => e.Outcome == Outcome.Failed && e.Message.Contains("Press \"Update order\" first"));
    }

    [Fact]
    public async Task The_sweep_makes_the_demands_of_tasks_at_a_shipment_status_a_missed_status_request_left_behind()
    {
        var (desk, task, _) = await OrderedAsync();
        await using var _ = desk;
        var other = desk.AddOrder(desk.AddContact("Пётр", "petr@example.ru"), ("C00003", 1, 10m));
        desk.Hub.Planfix.SetTaskStatus(Account, task, desk.Hub.Planfix.StatusId(Account, OrderDesk.Shipped));

        var first = await desk.Hub.RunAsync(ShipmentsFlow.Key);
        var second = await desk.Hub.RunAsync(ShipmentsFlow.Key);

        Assert.Equal((RunStatus.Succeeded, 1), (first.Status, first.Created));
        Assert.Equal((RunStatus.Succeeded, 0, 0), (second.Status, second.Created, second.Failed));
        Assert.Single(desk.Demands);
        Assert.Null(desk.Task(other)[OrderFields.ShipmentId]);
        Assert.Contains(desk.Hub.Planfix.Requests, r => r == "POST /task/list");
    }
}
