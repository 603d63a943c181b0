using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Scheduling;

/// <summary>The Coravel dispatcher runs what the stored due times say, once per due time, and nothing else.</summary>
public sealed class DueFlowDispatcherTests
{
    [Fact]
    public async Task A_new_tenants_flow_is_due_at_once_and_runs_on_the_schedule()
    {
        await using var engine = await Engine.StartAsync(items: 3, scheduler: true);

        var run = await ScheduledRuns.WaitForAsync(engine.Hub, 1);
        var state = await StateAsync(engine);

        Assert.Equal((RunStatus.Succeeded, 3), (run[0].Status, run[0].Created));
        Assert.Equal(RunTrigger.Schedule, run[0].Trigger);
        Assert.InRange(state.NextDueAt!.Value, run[0].StartedAt.AddMinutes(29), run[0].StartedAt.AddMinutes(31));
    }

    [Fact]
    public async Task A_restarted_hub_starts_from_the_stored_due_times_and_runs_a_missed_one_once()
    {
        var folder = Directory.CreateTempSubdirectory("koppel-test-");
        var connection = $"Data Source={Path.Combine(folder.FullName, "koppel.db")};Pooling=False";
        await using (var first = await Engine.StartAsync(items: 2, connectionString: connection))
            await SetDueAsync(first, DateTime.UtcNow.AddHours(1));

        await using (var notDue = await Engine.StartAsync(items: 2, scheduler: true, connectionString: connection))
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.Empty(await ScheduledRuns.AllAsync(notDue.Hub));
            // The hub "was down" over six 30-minute slots.
            await SetDueAsync(notDue, DateTime.UtcNow.AddHours(-3));

            var runs = await ScheduledRuns.WaitForAsync(notDue.Hub, 1);
            await Task.Delay(TimeSpan.FromSeconds(3));

            Assert.Single(await ScheduledRuns.AllAsync(notDue.Hub));
            Assert.True((await StateAsync(notDue)).NextDueAt > DateTime.UtcNow.AddMinutes(25), "the missed slots are not queued");
            Assert.Equal(RunStatus.Succeeded, runs[0].Status);
        }
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_changed_schedule_moves_the_due_time_and_a_disabled_flow_has_none()
    {
        await using var engine = await Engine.StartAsync(items: 1);
        var tenants = engine.Hub.Get<TenantService>();
        await SetDueAsync(engine, DateTime.UtcNow.AddDays(3));

        await tenants.UpdateFlowAsync(Engine.Tenant, "products", enabled: null, schedule: "*/5 * * * *", default);
        var rescheduled = (await StateAsync(engine)).NextDueAt;
        await tenants.UpdateFlowAsync(Engine.Tenant, "products", enabled: false, schedule: null, default);
        var disabled = (await StateAsync(engine)).NextDueAt;

        Assert.InRange(rescheduled!.Value, DateTime.UtcNow.AddSeconds(-1), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(0, rescheduled.Value.Minute % 5);
        Assert.Null(disabled);
    }

    [Theory]
    [InlineData("* * * * * *")]
    [InlineData("0 0 30 2 *")]
    [InlineData("abc")]
    [InlineData("0")]
    public async Task An_invalid_schedule_is_refused_with_a_reason(string schedule)
    {
        await using var engine = await Engine.StartAsync(items: 1);

        var rejected = await Assert.ThrowsAsync<InputRejected>(() =>
            engine.Hub.Get<TenantService>().UpdateFlowAsync(Engine.Tenant, "products", null, schedule, default));

        Assert.Equal("schedule", Assert.Single(rejected.Errors).Field);
    }

    [Fact]
    public async Task With_the_scheduler_off_nothing_runs_by_itself_but_manual_runs_work()
    {
        await using var engine = await Engine.StartAsync(items: 2, scheduler: false);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var run = await engine.RunAsync();

        Assert.Empty(await ScheduledRuns.AllAsync(engine.Hub));
        Assert.Equal(2, run.Created);
    }

    private static async Task SetDueAsync(Engine engine, DateTime due)
    {
        await using var db = await engine.Hub.DbAsync();
        await db.FlowStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDueAt, due));
    }

    private static async Task<FlowState> StateAsync(Engine engine)
    {
        await using var db = await engine.Hub.DbAsync();
        return await db.FlowStates.AsNoTracking().SingleAsync(s => s.Flow == "products");
    }
}
