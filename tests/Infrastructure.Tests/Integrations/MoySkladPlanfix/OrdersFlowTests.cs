using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>The "Update order" button: a Planfix order task to a MoySklad customer order, through both emulators over HTTP.</summary>
public sealed class OrdersFlowTests
{
    [Fact]
    public async Task The_first_press_creates_the_customer_order_with_kopeck_prices_and_writes_its_id_and_link_back()
    {
        await using var desk = await OrderDesk.StartAsync();
        var contact = desk.AddContact("Иван Петров", "ivan@example.ru", "+79001234567");
        var task = desk.AddOrder(contact, ("C00001", 2, 150.50m), ("C00003", 1, 99m));

        var run = await desk.PressAsync(task);

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Created));
        var order = Assert.Single(desk.Orders);
        var id = order["id"]!.ToString();
        var positions = desk.Positions(id);
        Assert.Equal([(desk.ProductId("C00001"), 2m, 15050m), (desk.ProductId("C00003"), 1m, 9900m)],
            positions.Select(p => (p["assortment"]!["meta"]!["href"]!.ToString().Split('/')[^1], p["quantity"]!.GetValue<decimal>(), p["price"]!.GetValue<decimal>())));
        Assert.Equal(desk.Counterparties.Single()["id"]!.ToString(), order["agent"]!["meta"]!["href"]!.ToString().Split('/')[^1]);
        var values = desk.Task(task);
        Assert.Equal(id, values[OrderFields.OrderId]!.ToString());
        Assert.Contains(id, values[OrderFields.OrderLink]!.ToString());
        Assert.Null(values[OrderFields.Errors]);
    }

    [Fact]
    public async Task A_press_after_the_lines_changed_updates_the_same_order_and_replaces_its_positions()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 2, 100m), ("C00002", 1, 50m));
        await desk.PressAsync(task);
        var id = desk.Orders.Single()["id"]!.ToString();

        desk.SetLines(task, ("C00004", 5, 10m));
        var run = await desk.PressAsync(task);

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Updated));
        Assert.Equal(id, Assert.Single(desk.Orders)["id"]!.ToString());
        var position = Assert.Single(desk.Positions(id));
        Assert.Equal((desk.ProductId("C00004"), 5m, 1000m),
            (position["assortment"]!["meta"]!["href"]!.ToString().Split('/')[^1], position["quantity"]!.GetValue<decimal>(), position["price"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_repeated_press_that_changes_nothing_writes_nothing_to_either_system()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru", "+79001234567"), ("C00001", 2, 100m));
        await desk.PressAsync(task);
        var (planfixWrites, moySkladWrites) = (desk.Hub.Planfix.Writes, desk.Hub.MoySklad.Writes);

        var run = await desk.PressAsync(task);

        Assert.Equal((RunStatus.Succeeded, 0, 0), (run.Status, run.Created, run.Updated));
        Assert.Equal((planfixWrites, moySkladWrites), (desk.Hub.Planfix.Writes, desk.Hub.MoySklad.Writes));
    }

    [Fact]
    public async Task Reserve_in_MoySklad_reserves_each_line_in_full()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00002", 3, 10m));
        desk.Hub.Planfix.SetTaskValue(MoySkladPlanfixHub.Account, task, OrderFields.Reserve, true);
        var before = desk.Hub.MoySklad.ReserveOf(MoySkladPlanfixHub.Account, desk.ProductId("C00002"));

        await desk.PressAsync(task);

        var order = desk.Orders.Single();
        Assert.Equal(3m, desk.Positions(order["id"]!.ToString()).Single()["reserve"]!.GetValue<decimal>());
        Assert.Equal(before + 3, desk.Hub.MoySklad.ReserveOf(MoySkladPlanfixHub.Account, desk.ProductId("C00002")));
    }

    [Fact]
    public async Task A_failure_is_written_into_the_tasks_Errors_field_and_cleared_by_the_next_success()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 0, 10m));

        var failed = await desk.PressAsync(task);

        Assert.Equal(1, failed.Failed);
        Assert.Empty(desk.Orders);
        Assert.Equal("MoySklad order not saved: line 1 has no quantity. Enter a quantity above zero, then press again.", desk.Task(task)[OrderFields.Errors]!.ToString());

        desk.SetLines(task, ("C00001", 1, 10m));
        var succeeded = await desk.PressAsync(task);

        Assert.Equal(1, succeeded.Created);
        Assert.Equal("", desk.Task(task)[OrderFields.Errors]!.ToString());
        Assert.Equal(desk.Orders.Single()["id"]!.ToString(), desk.Task(task)[OrderFields.OrderId]!.ToString());
    }

    [Fact]
    public async Task An_order_without_a_counterparty_says_so_in_Errors_and_creates_nothing()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(contact: null, ("C00001", 1, 10m));

        await desk.PressAsync(task);

        Assert.Empty(desk.Orders);
        Assert.Contains("Choose the customer", desk.Task(task)[OrderFields.Errors]!.ToString());
    }
}
