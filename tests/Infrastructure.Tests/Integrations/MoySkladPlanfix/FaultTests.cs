using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Sandbox;

namespace Koppel.Infrastructure.Tests.Integrations.MoySkladPlanfix;

public sealed class FaultTests
{
    [Fact]
    public async Task MoySklad_429s_with_its_rate_headers_and_a_500_mid_run_are_waited_out_and_every_product_arrives()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 4);
        hub.Faults.Plan("moysklad", new FaultPlan { AfterRequests = 1, TooManyRequests = 2, ServerErrors = 1 });

        var run = await hub.RunAsync(ProductsFlow.Key);

        Assert.Equal((RunStatus.Succeeded, 4, 0), (run.Status, run.Created, run.Failed));
        Assert.Equal(0, hub.Faults.Current("moysklad")!.TooManyRequests);
    }

    [Fact]
    public async Task Planfix_throttling_is_waited_out_and_its_daily_limit_code_22_stops_the_run_in_words()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 3);
        hub.Faults.Plan("planfix", new FaultPlan { AfterRequests = 2, TooManyRequests = 2 });

        var throttled = await hub.RunAsync(ProductsFlow.Key);
        hub.Planfix.SetDailyRequestsLeft(MoySkladPlanfixHub.Account, 0);
        hub.MoySklad.SaveProduct(MoySkladPlanfixHub.Account, new() { ["name"] = "Новое имя" }, hub.Product("C00001")["id"]!.ToString());
        var stopped = await hub.RunAsync(ProductsFlow.Key);

        Assert.Equal((RunStatus.Succeeded, 3), (throttled.Status, throttled.Created));
        Assert.Equal(RunStatus.Failed, stopped.Status);
        Assert.Contains("daily request limit", stopped.Error);
    }

    [Fact]
    public async Task With_the_real_limits_on_the_paced_clients_get_no_refusals()
    {
        await using var hub = await MoySkladPlanfixHub.StartAsync(products: 3, paced: true);

        var run = await hub.RunAsync(ProductsFlow.Key);

        Assert.Equal((RunStatus.Succeeded, 3, 0), (run.Status, run.Created, run.Failed));
        Assert.Equal(3, hub.Entries.Count);
    }
}
