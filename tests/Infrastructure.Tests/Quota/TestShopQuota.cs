using Koppel.Domain.Quota;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Quota;

/// <summary>The test shop's call budget, declared as a connector declares its own, and today's earlier use of it.</summary>
internal static class TestShopQuota
{
    public const int DailyBudget = 1_000;

    // Calls are counted under "shop", the test shop's connection keys' first part.
    public static readonly SystemQuota Declaration = new("shop", "Test shop",
        [new QuotaBudget(DailyBudget, 1, QuotaUnit.Day, QuotaCounting.Calendar, "test declaration")]) { RecordsPerPage = 10 };

    /// <summary>Earlier today an inbox retry of the flow made this many calls to the shop (a run of its own, as the engine stores them).</summary>
    public static async Task SpendAsync(TestHub hub, string tenant, string flow, int calls)
    {
        await using var db = await hub.DbAsync();
        var tenantId = (await db.Tenants.SingleAsync(t => t.Slug == tenant)).Id;
        var now = DateTime.UtcNow;
        db.SyncRuns.Add(new SyncRun
        {
            TenantId = tenantId, Flow = flow, Mode = RunMode.Records, Trigger = RunTrigger.Manual, Status = RunStatus.Succeeded,
            StartedAt = now, EndedAt = now, Calls = $$"""{"shop":{{calls}}}""",
        });
        await db.SaveChangesAsync();
    }
}
