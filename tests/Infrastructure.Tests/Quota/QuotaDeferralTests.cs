using Koppel.Domain.Quota;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Quota;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Tests.Quota;

/// <summary>
/// Low-priority work waits rather than spend a system's daily budget: a scheduled full run that would go over is
/// recorded as deferred and calls nothing, while incremental runs and button presses always go.
/// </summary>
public sealed class QuotaDeferralTests
{
    private const int DailyBudget = TestShopQuota.DailyBudget;

    private static Task<Engine> StartAsync() => Engine.StartAsync(items: 30, services: s => s.AddSingleton(TestShopQuota.Declaration));

    private static Task<SyncRun> ScheduledAsync(Engine engine, RunMode mode) =>
        engine.Runner.RunAsync(Engine.Tenant, "products", new RunRequest(mode, RunTrigger.Schedule));

    private static Task SpendAsync(Engine engine, int calls) => TestShopQuota.SpendAsync(engine.Hub, Engine.Tenant, "products", calls);

    private static async Task<int> UsedTodayAsync(Engine engine) =>
        (int)(await engine.Hub.Get<TenantQuotaReader>().TodayAsync(Engine.Tenant, default)).Single(d => d.Quota.System == "shop").Used;

    [Fact]
    public async Task A_scheduled_full_run_that_would_go_over_the_daily_budget_is_deferred_and_calls_nothing()
    {
        await using var engine = await StartAsync();
        await engine.RunAsync();
        var full = await engine.RunAsync(RunMode.Full);
        var fullCalls = RunCalls.Parse(full.Calls)["shop"];
        // Leave less than one full run's calls in today's budget.
        await SpendAsync(engine, DailyBudget - await UsedTodayAsync(engine) - fullCalls + 1);
        var usedBefore = await UsedTodayAsync(engine);
        engine.Shop.Requests.Clear();

        var deferred = await ScheduledAsync(engine, RunMode.Full);

        Assert.Equal(RunStatus.Deferred, deferred.Status);
        Assert.Empty(engine.Shop.Requests);
        Assert.Equal((0, (string?)null), (deferred.Read, deferred.Calls));
        Assert.Equal($"Deferred to its next schedule: it would make about {fullCalls:N0} calls to Test shop, whose budget is 1,000 a day, " +
                     $"and {usedBefore:N0} of them are used today.", deferred.Error);
        await using var db = await engine.Hub.DbAsync();
        var state = await db.FlowStates.AsNoTracking().SingleAsync(s => s.Flow == "products");
        Assert.Null(state.RunningRunId);
        Assert.NotEqual(deferred.Id, state.LastRunId);
    }

    [Fact]
    public async Task A_scheduled_full_run_that_fits_the_budget_runs()
    {
        await using var engine = await StartAsync();
        await engine.RunAsync();
        var full = await engine.RunAsync(RunMode.Full);
        var fullCalls = RunCalls.Parse(full.Calls)["shop"];
        // Exactly one full run's calls left: it fits.
        await SpendAsync(engine, DailyBudget - await UsedTodayAsync(engine) - fullCalls);

        var run = await ScheduledAsync(engine, RunMode.Full);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(30, run.Read);
    }

    [Fact]
    public async Task Incremental_runs_and_button_presses_are_never_deferred_even_over_the_budget()
    {
        await using var engine = await StartAsync();
        await engine.RunAsync();
        await engine.RunAsync(RunMode.Full);
        await SpendAsync(engine, DailyBudget);
        engine.Shop.PutItem("00004", "Renamed", 9m);

        var scheduled = await ScheduledAsync(engine, RunMode.Incremental);
        var pressed = await engine.Runner.RunAsync(Engine.Tenant, "products", new RunRequest(RunMode.Full, RunTrigger.Manual));

        Assert.Equal(RunStatus.Succeeded, scheduled.Status);
        Assert.Equal(1, scheduled.Updated);
        Assert.Equal(RunStatus.Succeeded, pressed.Status);
        Assert.Equal(30, pressed.Read);
        var day = (await engine.Hub.Get<TenantQuotaReader>().TodayAsync(Engine.Tenant, default)).Single(d => d.Quota.System == "shop");
        Assert.Equal(QuotaStatus.Exhausted, day.Status);
    }

    [Fact]
    public async Task The_resync_estimate_takes_the_records_and_calls_per_record_of_the_last_full_run()
    {
        await using var engine = await StartAsync();
        await engine.RunAsync();
        var full = await engine.RunAsync(RunMode.Full);
        // Off: no schedule takes a share of the day, so the whole budget is there for the resync.
        await engine.Hub.Get<TenantService>().UpdateFlowAsync(Engine.Tenant, "products", enabled: false, schedule: null, default);

        var estimate = Assert.Single(await engine.Hub.Get<TenantQuotaReader>().ResyncAsync(Engine.Tenant, "products", default));

        Assert.Equal(("shop", 30L), (estimate.System, estimate.Records));
        Assert.Equal(RunCalls.Parse(full.Calls)["shop"], estimate.Calls);
        Assert.Equal(1, estimate.Days);
    }
}
