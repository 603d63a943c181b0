using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.Tests.Sync;

namespace Koppel.Infrastructure.Tests.SyncLog;

/// <summary>The run history a page at a time, beyond the log's strip of recent runs.</summary>
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
}
