using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Tests.Scheduling;

/// <summary>
/// Two hub processes' schedulers on one PostgreSQL database (in one test process, each with its own services,
/// scheduler and node name): every due flow runs exactly once, never twice at once, and a flow held by a node that
/// died is taken over when its lease lapses.
/// </summary>
public sealed class TwoNodeSchedulerTests
{
    private const int Tenants = 12;

    [Fact]
    public async Task Two_nodes_share_the_due_flows_and_never_run_one_twice()
    {
        await using var database = await TestDatabases.PostgreSqlAsync();
        await using var a = await NodeAsync(database, "node-a");
        await using var b = await NodeAsync(database, "node-b");
        // Created through node a with the scheduler's rules: due at once, on both nodes' polls.
        for (var i = 0; i < Tenants; i++) await AddTenantAsync(a, $"shop-{i:00}");

        var runs = await ScheduledRuns.WaitForAsync(a, Tenants, seconds: 90);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a second run of any flow would show up now

        runs = await ScheduledRuns.AllAsync(a);
        Assert.Equal(Tenants, runs.Count);
        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(Tenants, runs.Select(r => r.TenantId).Distinct().Count());
        Assert.All(runs, r => Assert.Contains(r.Node, new[] { "node-a", "node-b" }));
    }

    [Fact]
    public async Task A_flow_whose_node_died_is_taken_over_when_its_lease_lapses()
    {
        await using var database = await TestDatabases.PostgreSqlAsync();
        await using var a = await NodeAsync(database, "node-a", scheduler: false);
        await AddTenantAsync(a, "shop-held");
        await using (var db = await a.DbAsync())
            await db.FlowStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.NextDueAt, DateTime.UtcNow.AddHours(1)));
        await using var b = await NodeAsync(database, "node-b");
        // A node that died mid-run: its run is still "running" and it holds the now due flow, with a lease about to lapse.
        await using (var db = await a.DbAsync())
        {
            var tenant = await db.Tenants.SingleAsync();
            var dead = new SyncRun { TenantId = tenant.Id, Flow = "products", Node = "node-dead", Status = RunStatus.Running, StartedAt = DateTime.UtcNow.AddMinutes(-11) };
            db.SyncRuns.Add(dead);
            await db.SaveChangesAsync();
            await db.FlowStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.RunningRunId, dead.Id)
                .SetProperty(x => x.LeaseUntil, DateTime.UtcNow.AddSeconds(6)).SetProperty(x => x.NextDueAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var whileHeld = (await ScheduledRuns.AllAsync(b)).Count;
        var takenOver = await ScheduledRuns.WaitForAsync(b, 1, seconds: 30);

        await using var check = await b.DbAsync();
        var deadRun = await check.SyncRuns.AsNoTracking().SingleAsync(r => r.Node == "node-dead");

        Assert.Equal(0, whileHeld);
        Assert.Equal(("node-b", RunStatus.Succeeded), (takenOver[0].Node, takenOver[0].Status));
        Assert.Equal((RunStatus.Failed, InterruptedRuns.Reason), (deadRun.Status, deadRun.Error));
    }

    private static Task<TestHub> NodeAsync(TestDatabase database, string node, bool scheduler = true) =>
        TestHub.StartAsync(s =>
        {
            s.AddSingleton(TestShopIntegration.Definition);
            s.AddSingleton<TestShopSandbox>();
            s.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<TestShopSandbox>());
        }, "PostgreSql", database.ConnectionString, scheduler, new Dictionary<string, string?> { ["Scheduler:Node"] = node });

    private static async Task AddTenantAsync(TestHub hub, string slug)
    {
        hub.Get<TestShopSandbox>().Seed(slug, 3, 1);
        await hub.Get<TenantService>().UpsertAsync(slug, new TenantInput(slug, "test-shop",
            new() { ["shop"] = new() { ["baseUrl"] = new Uri(hub.BaseAddress, "sandbox/test-shop/").ToString(), ["apiSecret"] = Engine.Secret } },
            null), default);
        // A new tenant's flows start once its connection tests green.
        Assert.True((await hub.Get<ConnectionTester>().TestAsync(slug, "shop", null, default)).Succeeded);
    }
}
