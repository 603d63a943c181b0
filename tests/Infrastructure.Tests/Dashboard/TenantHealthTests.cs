using Koppel.Domain.Sync;
using Koppel.Infrastructure.Dashboard;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Dashboard;

/// <summary>A flow's health is its open failures, not its last run.</summary>
public sealed class TenantHealthTests
{
    [Fact]
    public async Task A_successful_one_record_resync_does_not_make_a_flow_with_open_errors_look_healthy()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        foreach (var id in new[] { "00003", "00005", "00007" }) engine.Shop.PutItem(id, null, 5m);
        var failing = await engine.RunAsync();
        await using (var db = await engine.Hub.DbAsync())
        {
            // The failures are two days old: out of the dashboard's last 24 hours, still open.
            var old = DateTime.UtcNow.AddDays(-2);
            await db.SyncLog.ExecuteUpdateAsync(s => s.SetProperty(l => l.At, old));
            await db.SyncRuns.ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, old));
        }

        var resync = await engine.RunAsync(RunMode.SingleRecord, "00001");
        var health = (await engine.Hub.Get<TenantHealthService>().OfAsync(Engine.Tenant, default))!;

        Assert.Equal((RunStatus.CompletedWithErrors, 3), (failing.Status, failing.Failed));
        Assert.Equal(RunStatus.Succeeded, resync.Status);
        Assert.Equal(RunStatus.Succeeded, Assert.Single(health.Flows).LastRunStatus);
        Assert.Equal((0, 0), (health.FailedRecords24h, health.FailedRuns24h));
        Assert.Equal(3, health.Flows[0].OpenErrors);
        Assert.Equal(HealthState.Warning, health.State);
    }

    [Fact]
    public async Task A_flow_whose_failures_were_all_fixed_is_healthy()
    {
        await using var engine = await Engine.StartAsync(items: 10, settings: new { skipNameless = false });
        engine.Shop.PutItem("00005", null, 5m);
        await engine.RunAsync();
        engine.Shop.PutItem("00005", "Item 5 fixed", 5m);
        await engine.RunAsync();
        await using (var db = await engine.Hub.DbAsync())
        {
            var old = DateTime.UtcNow.AddDays(-2);
            await db.SyncLog.ExecuteUpdateAsync(s => s.SetProperty(l => l.At, old));
        }

        var health = (await engine.Hub.Get<TenantHealthService>().OfAsync(Engine.Tenant, default))!;

        Assert.Equal(0, health.OpenErrors);
        Assert.Equal(HealthState.Healthy, health.State);
    }
}
