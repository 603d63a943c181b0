using Koppel.Domain.Sync;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Scheduling;

/// <summary>The runs the scheduler started, read from the database the way a support person would see them.</summary>
internal static class ScheduledRuns
{
    public static async Task<List<SyncRun>> AllAsync(TestHub hub)
    {
        await using var db = await hub.DbAsync();
        return await db.SyncRuns.AsNoTracking().Where(r => r.Trigger == RunTrigger.Schedule).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>Waits until at least <paramref name="count"/> scheduled runs have ended.</summary>
    public static async Task<List<SyncRun>> WaitForAsync(TestHub hub, int count, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var ended = (await AllAsync(hub)).Where(r => r.Status != RunStatus.Running).ToList();
            if (ended.Count >= count) return ended;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{ended.Count} of {count} scheduled runs ended within {seconds} s.");
            await Task.Delay(200);
        }
    }
}
