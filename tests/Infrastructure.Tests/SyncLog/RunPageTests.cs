using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>The run history a page at a time, beyond the log's strip of recent runs, and counted per day.</summary>
public sealed class RunPageTests
{
    [Fact]
    public async Task Runs_come_newest_first_a_page_at_a_time_and_say_whether_older_ones_follow()
    {
        await using var engine = await Engine.StartAsync(items: 3);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add((await engine.RunAsync()).Id);
        var log = engine.Hub.Get<SyncLogService>();

        var first = await log.RunPageAsync(Engine.Tenant, "products", 1, 2, default);
        var second = await log.RunPageAsync(Engine.Tenant, "products", 2, 2, default);

        Assert.Equal([ids[2], ids[1]], first.Runs.Select(r => r.Id));
        Assert.True(first.HasMore);
        Assert.Equal([ids[0]], second.Runs.Select(r => r.Id));
        Assert.False(second.HasMore);
        Assert.Empty((await log.RunPageAsync(Engine.Tenant, "another-flow", 1, 2, default)).Runs);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Runs_are_counted_per_flow_day_and_outcome_over_the_last_days_by_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var engine = await Engine.StartAsync(3, provider: provider.ToString(), connectionString: database.ConnectionString);
        var runs = new List<long>();
        for (var i = 0; i < 4; i++) runs.Add((await engine.RunAsync()).Id);
        var today = DateTime.UtcNow.Date;
        // Two runs moved back in time: one to yesterday (failed), one to before the window.
        await using (var db = await engine.Hub.DbAsync())
        {
            await db.SyncRuns.Where(r => r.Id == runs[0]).ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, today.AddDays(-1).AddHours(13)).SetProperty(r => r.Status, RunStatus.Failed));
            await db.SyncRuns.Where(r => r.Id == runs[1]).ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, today.AddDays(-30).AddHours(1)));
        }

        var days = await engine.Hub.Get<SyncLogService>().DailyRunsAsync(Engine.Tenant, 30, today, default);

        Assert.Equal(
            [("products", today.AddDays(-1), RunStatus.Failed, 1), ("products", today, RunStatus.Succeeded, 2)],
            days.OrderBy(d => d.Day).Select(d => (d.Flow, d.Day, d.Status, d.Runs)));
    }
}
