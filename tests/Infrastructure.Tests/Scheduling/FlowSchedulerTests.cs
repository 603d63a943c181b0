using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Sync;
using Quartz;

namespace Koppel.Infrastructure.Tests.Scheduling;

public sealed class FlowSchedulerTests
{
    private static async Task<ITrigger?> TriggerAsync(Engine engine)
    {
        var scheduler = await engine.Hub.Get<ISchedulerFactory>().GetScheduler();
        var job = FlowScheduler.JobOf(Engine.Tenant, "products");
        return await scheduler.GetTrigger(new TriggerKey(job.Name, job.Group));
    }

    [Fact]
    public async Task Every_enabled_tenant_flow_gets_a_trigger_with_its_default_schedule()
    {
        await using var engine = await Engine.StartAsync(items: 1, scheduler: true);

        var trigger = await TriggerAsync(engine);

        Assert.NotNull(trigger);
        Assert.Equal("30", trigger.JobDataMap.GetString("schedule"));
        Assert.NotNull(trigger.NextFireTimeUtc);
    }

    [Fact]
    public async Task A_changed_schedule_replaces_the_trigger_without_a_restart()
    {
        await using var engine = await Engine.StartAsync(items: 1, scheduler: true);

        await engine.Hub.Get<TenantService>().UpdateFlowAsync(Engine.Tenant, "products", enabled: null, schedule: "0 0/5 * * * ?", default);
        var trigger = await TriggerAsync(engine);

        Assert.Equal("0 0/5 * * * ?", trigger!.JobDataMap.GetString("schedule"));
        Assert.IsAssignableFrom<ICronTrigger>(trigger);
    }

    [Fact]
    public async Task A_disabled_flow_loses_its_trigger_and_gets_it_back_when_enabled()
    {
        await using var engine = await Engine.StartAsync(items: 1, scheduler: true);
        var tenants = engine.Hub.Get<TenantService>();

        await tenants.UpdateFlowAsync(Engine.Tenant, "products", enabled: false, schedule: null, default);
        var whileDisabled = await TriggerAsync(engine);
        await tenants.UpdateFlowAsync(Engine.Tenant, "products", enabled: true, schedule: null, default);

        Assert.Null(whileDisabled);
        Assert.NotNull(await TriggerAsync(engine));
    }

    [Fact]
    public async Task With_the_scheduler_off_no_trigger_exists_but_manual_runs_work()
    {
        await using var engine = await Engine.StartAsync(items: 2, scheduler: false);

        var run = await engine.RunAsync();

        Assert.Null(await TriggerAsync(engine));
        Assert.Equal(2, run.Created);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("99999")]
    public async Task An_invalid_schedule_is_refused_with_a_reason(string schedule)
    {
        await using var engine = await Engine.StartAsync(items: 1);

        var rejected = await Assert.ThrowsAsync<InputRejected>(() =>
            engine.Hub.Get<TenantService>().UpdateFlowAsync(Engine.Tenant, "products", null, schedule, default));

        Assert.Equal("schedule", Assert.Single(rejected.Errors).Field);
    }
}
