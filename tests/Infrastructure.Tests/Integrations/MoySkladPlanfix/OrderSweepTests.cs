using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Invoices;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;
using Koppel.Infrastructure.Tests.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>
/// API (and scheduled) runs of the button flows: they sweep the order tasks Planfix reports changed since the last
/// run and that already have the MoySklad document, through both emulators over HTTP. Planfix's clock is moved by
/// hand, because its change filters have minutes only.
/// </summary>
public sealed class OrderSweepTests
{
    private const string Account = MoySkladPlanfixHub.Account;

    [Fact]
    public async Task A_line_changed_in_a_task_with_an_order_reaches_the_order_and_a_task_without_one_is_not_touched()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var desk = await OrderDesk.StartAsync(planfixClock: clock);
        var pressed = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 2, 100m));
        await desk.PressAsync(pressed);
        var unpressed = desk.AddOrder(desk.AddContact("Пётр", "petr@example.ru"), ("C00002", 1, 50m));
        var first = await desk.RunAsync(OrdersFlow.Key);
        var id = Assert.Single(desk.Orders)["id"]!.ToString();

        clock.Advance(TimeSpan.FromMinutes(3));
        desk.SetLines(pressed, ("C00004", 5, 10m));
        desk.SetLines(unpressed, ("C00003", 4, 20m));
        var run = await desk.RunAsync(OrdersFlow.Key);

        Assert.Equal((RunStatus.Succeeded, 0, 0), (first.Status, first.Created, first.Updated));
        Assert.Equal((RunStatus.Succeeded, 1, 0, 1), (run.Status, run.Read, run.Created, run.Updated));
        Assert.Equal(id, Assert.Single(desk.Orders)["id"]!.ToString());
        var position = Assert.Single(desk.Positions(id));
        Assert.Equal((desk.ProductId("C00004"), 5m, 1000m),
            (position["assortment"]!["meta"]!["href"]!.ToString().Split('/')[^1], position["quantity"]!.GetValue<decimal>(), position["price"]!.GetValue<decimal>()));
        var untouched = desk.Task(unpressed);
        Assert.Equal((null, null, null), (untouched[OrderFields.OrderId], untouched[OrderFields.OrderLink], untouched[OrderFields.Errors]));
    }

    [Fact]
    public async Task A_second_run_writes_nothing_and_a_task_changed_before_the_cursor_is_not_read_again()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var desk = await OrderDesk.StartAsync(planfixClock: clock);
        var older = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 2, 100m));
        await desk.PressAsync(older);
        clock.Advance(TimeSpan.FromMinutes(3));
        var newer = desk.AddOrder(desk.AddContact("Пётр", "petr@example.ru"), ("C00002", 1, 50m));
        await desk.PressAsync(newer);
        var first = await desk.RunAsync(OrdersFlow.Key);
        var (planfixWrites, moySkladWrites) = (desk.Hub.Planfix.Writes, desk.Hub.MoySklad.Writes);
        var listed = ListedTaskRequests(desk);

        clock.Advance(TimeSpan.FromMinutes(3));
        var second = await desk.RunAsync(OrdersFlow.Key);

        // The first run reads both (there was no cursor); the second starts at the newer task's change.
        Assert.Equal((RunStatus.Succeeded, 2, 2), (first.Status, first.Read, first.Unchanged));
        Assert.Equal((RunStatus.Succeeded, 1, 1, 0, 0), (second.Status, second.Read, second.Unchanged, second.Created, second.Updated));
        Assert.Equal((planfixWrites, moySkladWrites), (desk.Hub.Planfix.Writes, desk.Hub.MoySklad.Writes));
        Assert.Equal(listed + 1, ListedTaskRequests(desk));
        var log = await desk.Hub.LogAsync(second.Id);
        Assert.DoesNotContain(log, e => e.SourceKey == older.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_invoices_run_updates_the_invoice_of_a_changed_task_and_makes_none_for_a_task_without_one()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var desk = await OrderDesk.StartAsync(planfixClock: clock);
        var invoiced = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 2, 100m));
        await desk.PressInvoiceAsync(invoiced);
        var ordered = desk.AddOrder(desk.AddContact("Пётр", "petr@example.ru"), ("C00002", 1, 50m));
        await desk.PressAsync(ordered);
        await desk.RunAsync(InvoicesFlow.Key);
        var invoice = Assert.Single(desk.Invoices)["id"]!.ToString();

        clock.Advance(TimeSpan.FromMinutes(3));
        desk.Hub.Planfix.SetTaskValue(Account, invoiced, OrderFields.InvoiceFormat, JsonValue.Create("xls"));
        desk.SetLines(ordered, ("C00003", 4, 20m));
        var run = await desk.RunAsync(InvoicesFlow.Key);

        Assert.Equal((RunStatus.Succeeded, 1, 0, 1), (run.Status, run.Read, run.Created, run.Updated));
        Assert.Equal(invoice, Assert.Single(desk.Invoices)["id"]!.ToString());
        Assert.Equal([".pdf", ".xls"], desk.Hub.Planfix.TaskFiles(Account, invoiced).Select(f => Path.GetExtension(f.Name)));
        Assert.Empty(desk.Hub.Planfix.TaskFiles(Account, ordered));
        Assert.Null(desk.Task(ordered)[OrderFields.InvoiceId]);
    }

    private static int ListedTaskRequests(OrderDesk desk) => desk.Hub.Planfix.Requests.Count(r => r == "POST /task/list");
}
