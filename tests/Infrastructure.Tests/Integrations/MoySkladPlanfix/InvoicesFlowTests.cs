using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>The "Create invoice" button: a MoySklad customer invoice from the order, printed and attached to the Planfix task.</summary>
public sealed class InvoicesFlowTests
{
    private const string Account = MoySkladPlanfixHub.Account;

    [Fact]
    public async Task A_press_on_a_task_without_an_order_makes_the_order_then_the_invoice_and_attaches_it_as_pdf()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 2, 150m));

        var run = await desk.PressInvoiceAsync(task);

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Created));
        var order = Assert.Single(desk.Orders);
        var invoice = Assert.Single(desk.Invoices);
        Assert.EndsWith(order["id"]!.ToString(), invoice["customerOrder"]!["meta"]!["href"]!.ToString());
        Assert.Equal(30000m, invoice["sum"]!.GetValue<decimal>());
        var values = desk.Task(task);
        Assert.Equal(order["id"]!.ToString(), values[OrderFields.OrderId]!.ToString());
        Assert.Equal(invoice["id"]!.ToString(), values[OrderFields.InvoiceId]!.ToString());
        Assert.Contains(invoice["id"]!.ToString(), values[OrderFields.InvoiceLink]!.ToString());
        var file = Assert.Single(desk.Hub.Planfix.TaskFiles(Account, task));
        Assert.EndsWith(".pdf", file.Name);
        Assert.Equal("%PDF"u8.ToArray(), file.Content[..4]);
    }

    [Fact]
    public async Task The_chosen_xls_format_is_attached_and_a_press_that_changes_nothing_writes_nothing_and_attaches_no_file()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 1, 10m));
        desk.Hub.Planfix.SetTaskValue(Account, task, OrderFields.InvoiceFormat, JsonValue.Create("xls"));
        await desk.PressAsync(task);
        await desk.PressInvoiceAsync(task);
        var (planfixWrites, moySkladWrites) = (desk.Hub.Planfix.Writes, desk.Hub.MoySklad.Writes);

        var again = await desk.PressInvoiceAsync(task);

        Assert.Equal((RunStatus.Succeeded, 0, 0), (again.Status, again.Created, again.Updated));
        Assert.Equal((planfixWrites, moySkladWrites), (desk.Hub.Planfix.Writes, desk.Hub.MoySklad.Writes));
        var file = Assert.Single(desk.Hub.Planfix.TaskFiles(Account, task));
        Assert.EndsWith(".xls", file.Name);
        Assert.Single(desk.Invoices);
        Assert.Single(desk.Orders);
    }

    [Fact]
    public async Task A_press_after_the_format_changed_updates_the_same_invoice_and_attaches_the_new_file()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 1, 10m));
        await desk.PressInvoiceAsync(task);
        var id = desk.Invoices.Single()["id"]!.ToString();

        desk.Hub.Planfix.SetTaskValue(Account, task, OrderFields.InvoiceFormat, JsonValue.Create("xls"));
        var run = await desk.PressInvoiceAsync(task);

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.Updated));
        Assert.Equal(id, Assert.Single(desk.Invoices)["id"]!.ToString());
        Assert.Equal([".pdf", ".xls"], desk.Hub.Planfix.TaskFiles(Account, task).Select(f => Path.GetExtension(f.Name)));
    }
}
