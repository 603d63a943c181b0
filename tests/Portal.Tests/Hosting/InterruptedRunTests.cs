using System.Net.Http.Json;
using System.Text.Json;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Portal.Tests.Hosting;

/// <summary>A hub process killed mid-run: after its restart the run says it was interrupted and the flow is free again.</summary>
public sealed class InterruptedRunTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Scheduler:Enabled"] = "false", // the run under test is started by hand; nothing else runs
        ["Scheduler:Node"] = "child-node",
        ["Demo:Enabled"] = "true",
        ["Sandbox:Enabled"] = "true",
    };

    [Fact]
    public async Task A_run_killed_with_its_process_is_marked_interrupted_on_restart_and_its_lease_released()
    {
        var folder = Directory.CreateTempSubdirectory("koppel-child-");
        long runId;
        await using (var hub = await ChildHub.StartAsync(folder.FullName, Settings))
        {
            using var api = hub.Api();
            // Every Exact answer takes a second, so the products run is surely mid-way when the process dies.
            (await api.PutAsJsonAsync("/sandbox/exact-online/_sandbox/faults", new { delayMilliseconds = 1_000 })).EnsureSuccessStatusCode();
            using var started = await api.PostAsync("/api/v1/tenants/demo-exact/flows/products/runs?wait=false", null);
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            await Task.Delay(1_500);

            await hub.KillAsync();
        }
        var (beforeRun, beforeState) = await ReadAsync(folder.FullName, runId);

        await using (var restarted = await ChildHub.StartAsync(folder.FullName, Settings))
        {
            var (afterRun, afterState) = await ReadAsync(folder.FullName, runId);

            Assert.Equal((RunStatus.Running, runId), (beforeRun.Status, beforeState.RunningRunId));
            Assert.Equal((RunStatus.Failed, InterruptedRuns.Reason), (afterRun.Status, afterRun.Error));
            Assert.NotNull(afterRun.EndedAt);
            Assert.Null(afterState.RunningRunId);
            Assert.Equal(beforeState.Cursor, afterState.Cursor); // the next run resumes where the dead one stopped

            // The flow is free at once, not ten minutes later: a new run takes it.
            using var api = restarted.Api();
            (await api.DeleteAsync("/sandbox/exact-online/_sandbox/faults")).EnsureSuccessStatusCode();
            using var again = await api.PostAsync("/api/v1/tenants/demo-exact/flows/products/runs?wait=true", null);
            Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
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
