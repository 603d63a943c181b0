using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

/// <summary>Returns: a shipped Planfix order task at a return status becomes one MoySklad sales return, made from its demand.</summary>
public sealed class ReturnsFlowTests
{
    private const string Account = MoySkladPlanfixHub.Account;

    [Fact]
    public async Task A_shipped_task_reaching_a_return_status_gets_one_sales_return_from_its_demand_once()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 2, 150m));
        await desk.PressAsync(task);
        await desk.MoveToAsync(task, OrderDesk.Shipped);
        var demandId = desk.Demands.Single()["id"]!.ToString();
        var shippedStock = desk.Hub.MoySklad.StockOf(Account, desk.ProductId("C00001"));

        var (shipments, returns) = await desk.MoveToAsync(task, OrderDesk.Returned);
        var (_, again) = await desk.MoveToAsync(task, OrderDesk.Returned);

        Assert.Equal((0, 0), (shipments.Created, shipments.Failed));
        Assert.Equal((RunStatus.Succeeded, 1), (returns.Status, returns.Created));
        Assert.Equal((RunStatus.Succeeded, 0, 0), (again.Status, again.Created, again.Failed));
        var salesReturn = Assert.Single(desk.SalesReturns);
        var id = salesReturn["id"]!.ToString();
        Assert.EndsWith(demandId, salesReturn["demand"]!["meta"]!["href"]!.ToString());
        Assert.Equal(shippedStock + 2, desk.Hub.MoySklad.StockOf(Account, desk.ProductId("C00001")));
        var values = desk.Task(task);
        Assert.Equal(id, values[OrderFields.ReturnId]!.ToString());
        Assert.Contains(id, values[OrderFields.ReturnLink]!.ToString());
        Assert.Single(desk.Demands);
    }

    [Fact]
    public async Task A_task_never_shipped_says_so_in_the_log_and_in_Errors_and_gets_no_return()
    {
        await using var desk = await OrderDesk.StartAsync();
        var task = desk.AddOrder(desk.AddContact("Иван", "ivan@example.ru"), ("C00001", 1, 10m));
        await desk.PressAsync(task);

        var (_, returns) = await desk.MoveToAsync(task, OrderDesk.Returned);

        Assert.Equal(1, returns.Failed);
        Assert.Empty(desk.SalesReturns);
        const string expected = "MoySklad return not made: the task has no MoySklad shipment, and a return is made from the shipment. "
            + "Move the task to a shipment status first, then set the return status again.";
        Assert.Equal(expected, desk.Task(task)[OrderFields.Errors]!.ToString());
        Assert.Contains(await desk.Hub.LogAsync(returns.Id), e => e.Outcome == Outcome.Failed && e.Message.Contains("no MoySklad shipment"));
    }
}
