using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Scheduling;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Tests.Sync;

/// <summary>
/// Flows of an integration that declares scopes (one per webshop in the webshops integration) keep a state, cursor,
/// links, runs and log per scope; the test-shop flow declared with two scopes stands in for it.
/// </summary>
public sealed class ScopedFlowTests
{
    private static readonly IntegrationDefinition Scoped = new()
    {
        Key = "test-shop-scoped",
        Name = "Test shop per branch",
        Connections = TestShopIntegration.Definition.Connections,
        Settings = TestShopIntegration.Definition.Settings,
        Flows = TestShopIntegration.Definition.Flows,
        Scopes = _ => ["north", "south"],
        ScopeName = "branch",
    };

    /// <param name="connect">Test the tenant's connection, which switches the new tenant's flows on.</param>
    private static async Task<TestHub> StartAsync(bool connect = true)
    {
        var hub = await TestHub.StartAsync(s =>
        {
            s.AddSingleton(Scoped);
            s.AddSingleton<TestShopSandbox>();
            s.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<TestShopSandbox>());
        });
        hub.Get<TestShopSandbox>().Seed("shop", 12, 1);
        await hub.Get<TenantService>().UpsertAsync(Engine.Tenant, new TenantInput("Shop one", Scoped.Key,
            new() { ["shop"] = new() { ["baseUrl"] = new Uri(hub.BaseAddress, "sandbox/test-shop/").ToString(), ["apiSecret"] = Engine.Secret } }, null), default);
        // A new tenant's flows start once its connection tests green.
        if (connect) Assert.True((await hub.Get<ConnectionTester>().TestAsync(Engine.Tenant, "shop", null, default)).Succeeded);
        return hub;
    }

    private static Task<SyncRun> RunAsync(TestHub hub, string flowKey) =>
        hub.Get<FlowRunner>().RunAsync(Engine.Tenant, flowKey, new RunRequest(RunMode.Incremental, RunTrigger.Api));

    [Fact]
    public async Task A_new_tenants_flow_waits_in_every_scope_and_its_one_switch_turns_every_scope_on()
    {
        await using var hub = await StartAsync(connect: false);
        List<FlowState> waiting, switched;
        await using (var db = await hub.DbAsync())
            waiting = await db.FlowStates.AsNoTracking().OrderBy(s => s.Flow).ToListAsync();

        await hub.Get<TenantService>().UpdateFlowAsync(Engine.Tenant, "products", enabled: true, schedule: null, default, "support@test.local");
        await using (var db = await hub.DbAsync())
            switched = await db.FlowStates.AsNoTracking().Where(s => s.Flow != "products").OrderBy(s => s.Flow).ToListAsync();

        Assert.Equal(["products@north", "products@south"], waiting.Select(s => s.Flow));
        Assert.All(waiting, s => Assert.Equal((false, true, WaitingFlows.Reason), (s.Enabled, s.WaitingForConnections, s.PausedReason)));
        Assert.Equal(["products@north", "products@south"], switched.Select(s => s.Flow));
        Assert.All(switched, s => Assert.Equal((true, false, (string?)null), (s.Enabled, s.WaitingForConnections, s.PausedReason)));
        Assert.NotNull(switched[0].NextDueAt);
    }

    [Fact]
    public async Task Each_scope_keeps_its_own_cursor_links_runs_and_log()
    {
        await using var hub = await StartAsync();

        var north = await RunAsync(hub, "products@north");
        var south = await RunAsync(hub, "products@south");
        var northAgain = await RunAsync(hub, "products@north");

        Assert.Equal((RunStatus.Succeeded, 12), (north.Status, north.Read));
        // The south scope starts from its own (empty) cursor: it reads everything, not what north left.
        Assert.Equal((RunStatus.Succeeded, 12), (south.Status, south.Read));
        Assert.Equal(0, northAgain.Read);
        await using var db = await hub.DbAsync();
        var states = await db.FlowStates.AsNoTracking().OrderBy(s => s.Flow).ToListAsync();
        Assert.Equal(["products@north", "products@south"], states.Select(s => s.Flow));
        Assert.All(states, s => Assert.False(string.IsNullOrEmpty(s.Cursor)));
        Assert.Equal(12, await db.RecordLinks.CountAsync(l => l.Entity == "product@north"));
        Assert.Equal(12, await db.RecordLinks.CountAsync(l => l.Entity == "product@south"));
        Assert.Equal(0, await db.RecordLinks.CountAsync(l => l.Entity == "product"));
        Assert.Equal(["products@north", "products@north", "products@south"], await db.SyncRuns.OrderBy(r => r.Flow).Select(r => r.Flow).ToListAsync());
        Assert.Equal(12, await db.SyncLog.CountAsync(l => l.Flow == "products@south"));
    }

    [Fact]
    public async Task A_scoped_flow_needs_one_of_the_tenants_scopes()
    {
        await using var hub = await StartAsync();

        var unscoped = await Assert.ThrowsAsync<KeyNotFoundException>(() => RunAsync(hub, "products"));
        var unknown = await Assert.ThrowsAsync<KeyNotFoundException>(() => RunAsync(hub, "products@east"));

        Assert.Contains("per branch; name one of: north, south", unscoped.Message);
        Assert.Contains("no branch \"east\"", unknown.Message);
    }

    [Fact]
    public async Task The_scheduler_keeps_one_schedule_per_scope()
    {
        await using var hub = await StartAsync();

        await hub.Get<FlowScheduler>().SyncAsync(Engine.Tenant);

        await using var db = await hub.DbAsync();
        var states = await db.FlowStates.AsNoTracking().OrderBy(s => s.Flow).ToListAsync();
        Assert.Equal(["products@north", "products@south"], states.Select(s => s.Flow));
        Assert.All(states, s => Assert.NotNull(s.NextDueAt));
    }

    [Fact]
    public async Task A_schedule_change_reaches_every_scopes_state_and_each_is_due_anew_by_it()
    {
        await using var hub = await StartAsync();
        await RunAsync(hub, "products@north");
        await RunAsync(hub, "products@south");
        await hub.Get<FlowScheduler>().SyncAsync(Engine.Tenant);
        List<FlowState> before, after;
        await using (var db = await hub.DbAsync())
            before = await db.FlowStates.AsNoTracking().Where(s => s.Flow != "products").OrderBy(s => s.Flow).ToListAsync();

        await hub.Get<TenantService>().UpdateFlowAsync(Engine.Tenant, "products", enabled: null, schedule: "720", default, "support@test.local");
        await using (var db = await hub.DbAsync())
            after = await db.FlowStates.AsNoTracking().Where(s => s.Flow != "products").OrderBy(s => s.Flow).ToListAsync();

        Assert.Equal(["products@north", "products@south"], after.Select(s => s.Flow));
        Assert.All(before, s => Assert.NotEqual("720", s.Schedule));
        Assert.All(after, s => Assert.Equal("720", s.Schedule));
        // Each scope's due time was computed again from the new schedule: 12 hours after that scope's last run.
        Assert.All(after, s => Assert.Equal(s.LastRunAt!.Value.AddMinutes(720), s.NextDueAt));
    }

    [Fact]
    public async Task The_flows_runs_and_log_take_in_every_scope_and_a_scoped_key_only_its_own()
    {
        await using var hub = await StartAsync();
        await RunAsync(hub, "products@north");
        await RunAsync(hub, "products@south");
        var log = hub.Get<SyncLogService>();

        var all = await log.RunsAsync(Engine.Tenant, "products", 10, default);
        var north = await log.RunsAsync(Engine.Tenant, "products@north", 10, default);
        var page = await log.RunPageAsync(Engine.Tenant, "products", 1, 10, default);
        var entries = await log.CountAsync(Engine.Tenant, new LogQuery { Flow = "products" }, 100, default);
        var southEntries = await log.CountAsync(Engine.Tenant, new LogQuery { Flow = "products@south" }, 100, default);

        Assert.Equal(["products@north", "products@south"], all.Select(r => r.Flow).Order());
        Assert.Equal(["products@north"], north.Select(r => r.Flow));
        Assert.Equal(2, page.Runs.Count);
        Assert.Equal((24, 12), (entries.Count, southEntries.Count));
    }

    [Fact]
    public void An_unscoped_key_stays_as_it_was_and_a_scoped_key_splits_back()
    {
        Assert.Equal("orders", FlowScope.Key("orders", null));
        Assert.Equal(("orders", "shop-a"), FlowScope.Split(FlowScope.Key("orders", "shop-a")));
        Assert.Equal(("orders", (string?)null), FlowScope.Split("orders"));
        Assert.Same(Scoped.Flows[0], Scoped.Flow("products@south"));
    }
}
