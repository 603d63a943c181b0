using System.Net.Http.Json;
using System.Text.Json;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Portal.Tests.Hosting;

/// <summary>A hub process killed mid-run: after its restart the run says it was interrupted and the flow is free again.</summary>
/// <remarks>
/// The tenant is not a demo tenant: a demo tenant forgets its cursors at every start, as its emulators start empty. This
/// one uses the sandbox's demo logins (the demo seeding registers them at every start) and keeps its cursor.
/// </remarks>
public sealed class InterruptedRunTests
{
    private const string Tenant = "restart-warehouse";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Scheduler:Enabled"] = "false", // the run under test is started by hand; nothing else runs
        ["Scheduler:Node"] = "child-node",
        ["Demo:Enabled"] = "true",
        ["Sandbox:Enabled"] = "true",
    };

    private static async Task CreateTenantAsync(HttpClient api, Uri hub)
    {
        using var response = await api.PutAsJsonAsync($"/api/v1/tenants/{Tenant}", new
        {
            name = "Warehouse that restarts",
            integration = GoedGepicktOptiplyIntegration.Key,
            connections = new Dictionary<string, Dictionary<string, string>>
            {
                [GoedGepicktAccount.System] = new() { ["baseUrl"] = GoedGepicktSandbox.BaseUrl(hub), ["apiKey"] = GoedGepicktOptiplyDemo.ApiKey },
                [OptiplyAccount.System] = new()
                {
                    ["baseUrl"] = OptiplyDemoLogin.BaseUrl(hub), ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(hub),
                    ["clientId"] = OptiplyDemoLogin.ClientId, ["clientSecret"] = OptiplyDemoLogin.ClientSecret,
                    ["username"] = GoedGepicktOptiplyDemo.OptiplyUser, ["password"] = OptiplyDemoLogin.Password,
                    ["accountId"] = GoedGepicktOptiplyDemo.OptiplyAccount, ["couplingId"] = OptiplyDemoLogin.CouplingId,
                },
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_run_killed_with_its_process_is_marked_interrupted_on_restart_and_its_lease_released()
    {
        var folder = Directory.CreateTempSubdirectory("koppel-child-");
        long runId;
        Uri address;
        await using (var hub = await ChildHub.StartAsync(folder.FullName, Settings))
        {
            address = hub.BaseUrl;
            using var api = hub.Api();
            await CreateTenantAsync(api, hub.BaseUrl);
            // Every GoedGepickt answer takes a second, so the products run is surely mid-way when the process dies.
            (await api.PutAsJsonAsync("/sandbox/goedgepickt/_sandbox/faults", new { delayMilliseconds = 1_000 })).EnsureSuccessStatusCode();
            using var started = await api.PostAsync($"/api/v1/tenants/{Tenant}/flows/products/runs?wait=false", null);
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            await Task.Delay(1_500);

            await hub.KillAsync();
        }
        var (beforeRun, beforeState) = await ReadAsync(folder.FullName, runId);

        await using (var restarted = await ChildHub.StartAsync(folder.FullName, Settings, baseUrl: address))
        {
            var (afterRun, afterState) = await ReadAsync(folder.FullName, runId);

            Assert.Equal((RunStatus.Running, runId), (beforeRun.Status, beforeState.RunningRunId));
            Assert.Equal((RunStatus.Failed, InterruptedRuns.Reason), (afterRun.Status, afterRun.Error));
            Assert.NotNull(afterRun.EndedAt);
            Assert.Null(afterState.RunningRunId);
            Assert.Equal(beforeState.Cursor, afterState.Cursor); // the next run resumes where the dead one stopped

            // The flow is free at once, not ten minutes later: a new run takes it.
            using var api = restarted.Api();
            (await api.DeleteAsync("/sandbox/goedgepickt/_sandbox/faults")).EnsureSuccessStatusCode();
            using var again = await api.PostAsync($"/api/v1/tenants/{Tenant}/flows/products/runs?wait=true", null);
            Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
            Assert.Equal("succeeded", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { folder.Delete(recursive: true); } catch (IOException) { }
    }

    private static async Task<(SyncRun Run, FlowState State)> ReadAsync(string folder, long runId)
    {
        var builder = new DbContextOptionsBuilder<KoppelDb>();
        new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "koppel.db")};Pooling=False").Configure(builder);
        await using var db = new KoppelDb(builder.Options);
        var run = await db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        var state = await db.FlowStates.AsNoTracking().SingleAsync(s => s.TenantId == run.TenantId && s.Flow == run.Flow);
        return (run, state);
    }
}
