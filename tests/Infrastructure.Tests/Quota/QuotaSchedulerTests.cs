using Koppel.Domain.Sync;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Quota;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Tests.Quota;

/// <summary>
/// The scheduler's own path: a nightly reconciling flow whose next run would go over the system's daily budget is
/// recorded as deferred by the dispatcher, and its due time moves on to its next slot.
/// </summary>
public sealed class QuotaSchedulerTests
{
    private const int DailyBudget = TestShopQuota.DailyBudget;
    private const string Tenant = "nightly";

    // The test shop's products flow as a nightly sweep: the same reads and writes, marked as reconciling.
    private static readonly FlowDefinition Products = TestShopIntegration.Definition.Flows[0];
    private static readonly IntegrationDefinition NightlyShop = new()
    {
        Key = "test-shop-nightly", Name = "Test shop, nightly",
        Connections = TestShopIntegration.Definition.Connections,
        Settings = TestShopIntegration.Definition.Settings,
        Flows =
        [
            new FlowDefinition
            {
                Key = "catalog", Name = "Catalog", Entity = Products.Entity, SourceSystem = Products.SourceSystem, TargetSystem = Products.TargetSystem,
                Reconciles = true, DefaultMapping = Products.DefaultMapping, TargetFields = Products.TargetFields, Build = Products.Build,
            },
        ],
    };

    private static async Task<List<SyncRun>> ScheduledRunsAsync(Engine engine, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = await engine.Hub.DbAsync();
            var runs = await db.SyncRuns.AsNoTracking()
                .Where(r => r.Flow == "catalog" && r.Trigger == RunTrigger.Schedule && r.Status != RunStatus.Running).OrderBy(r => r.Id).ToListAsync();
            if (runs.Count >= count) return runs;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{runs.Count} of {count} scheduled catalog runs ended.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_nightly_run_over_the_daily_budget_is_deferred_by_the_scheduler_to_its_next_slot()
    {
        await using var engine = await Engine.StartAsync(items: 30, scheduler: true, services: s => s.AddSingleton(TestShopQuota.Declaration).AddSingleton(NightlyShop));
        var hub = engine.Hub;
        await hub.Get<TenantService>().UpsertAsync(Tenant, new TenantInput("Nightly shop", NightlyShop.Key,
            new() { ["shop"] = new() { ["baseUrl"] = new Uri(hub.BaseAddress, "sandbox/test-shop/").ToString(), ["apiSecret"] = Engine.Secret } }, null), default);
        // A connection that tests green switches the new tenant's flows on, due at once.
        Assert.True((await hub.Get<ConnectionTester>().TestAsync(Tenant, "shop", null, default)).Succeeded);
        var first = Assert.Single(await ScheduledRunsAsync(engine, 1));
        // Created, or found in the shop and updated: the engine's own tenant syncs the same shop on its schedule.
        Assert.Equal((RunStatus.Succeeded, 30, 0), (first.Status, first.Read, first.Failed));
        var estimate = RunCalls.Parse(first.Calls)["shop"];

        // Earlier today other work used the budget up to less than one nightly run's calls; then the flow is due again.
        var used = (await hub.Get<TenantQuotaReader>().TodayAsync(Tenant, default)).Single(d => d.Quota.System == "shop").Used;
        var spend = DailyBudget - (int)used - estimate + 1;
        await TestShopQuota.SpendAsync(hub, Tenant, "catalog", spend);
        await using (var db = await hub.DbAsync())
            await db.FlowStates.Where(s => s.Flow == "catalog").ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDueAt, DateTime.UtcNow));

        var second = (await ScheduledRunsAsync(engine, 2))[1];

        Assert.Equal(RunStatus.Deferred, second.Status);
        Assert.Equal((0, (string?)null), (second.Read, second.Calls));
        Assert.Equal($"Deferred to its next schedule: it would make about {estimate:N0} calls to Test shop, whose budget is 1,000 a day, " +
                     $"and {DailyBudget - estimate + 1:N0} of them are used today.", second.Error);
        await using var after = await hub.DbAsync();
        var state = await after.FlowStates.AsNoTracking().SingleAsync(s => s.Flow == "catalog");
        // Its next slot on the default 30-minute rhythm; the deferred run held nothing.
        Assert.InRange(state.NextDueAt!.Value, second.StartedAt.AddMinutes(29), second.StartedAt.AddMinutes(31));
        Assert.Null(state.RunningRunId);
    }
}
