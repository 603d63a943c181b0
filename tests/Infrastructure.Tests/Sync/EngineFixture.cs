using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Infrastructure.Tests.Sync;

/// <summary>A hub with the test-shop integration, its emulator, and one tenant connected to it.</summary>
public sealed class Engine : IAsyncDisposable
{
    public const string Tenant = "shop-one";
    public const string Secret = "shop-secret-never-shown-3141";

    public TestHub Hub { get; }
    public TestShopSandbox Shop => Hub.Get<TestShopSandbox>();
    public SandboxFaults Faults => Hub.Get<SandboxFaults>();
    public FlowRunner Runner => Hub.Get<FlowRunner>();

    private Engine(TestHub hub) => Hub = hub;

    public static async Task<Engine> StartAsync(int items = 25, object? settings = null, bool scheduler = false, string provider = "Sqlite", string? connectionString = null,
        IReadOnlyDictionary<string, string?>? hubSettings = null, Action<IServiceCollection>? services = null)
    {
        var hub = await TestHub.StartAsync(s =>
        {
            services?.Invoke(s);
            s.AddSingleton(TestShopIntegration.Definition);
            s.AddSingleton<TestShopSandbox>();
            s.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<TestShopSandbox>());
        }, provider, connectionString, scheduler, hubSettings);
        var engine = new Engine(hub);
        engine.Shop.Seed("shop", items, 1);
        await hub.Get<TenantService>().UpsertAsync(Tenant, new TenantInput("Shop one", "test-shop",
            new() { ["shop"] = new() { ["baseUrl"] = new Uri(hub.BaseAddress, "sandbox/test-shop/").ToString(), ["apiSecret"] = Secret } },
            settings is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(settings)!.AsObject()), default);
        await engine.ConnectAsync();
        return engine;
    }

    /// <summary>
    /// Tests the tenant's connection, as support does for a new tenant: its flows start off until it tests green. The
    /// test's own request is not part of what a test measures, so the shop's request log starts empty after it.
    /// </summary>
    private async Task ConnectAsync()
    {
        var test = await Hub.Get<ConnectionTester>().TestAsync(Tenant, "shop", null, default);
        Assert.True(test.Succeeded, test.Message);
        Shop.Requests.Clear();
    }

    public Task<SyncRun> RunAsync(RunMode mode = RunMode.Incremental, string? sourceId = null, CancellationToken ct = default) =>
        Runner.RunAsync(Tenant, "products", new RunRequest(mode, RunTrigger.Api, sourceId), ct: ct);

    public async Task<List<SyncLogEntry>> LogAsync()
    {
        await using var db = await Hub.DbAsync();
        return await db.SyncLog.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
    }

    public async Task<int> LinkCountAsync()
    {
        await using var db = await Hub.DbAsync();
        return await db.RecordLinks.CountAsync();
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
