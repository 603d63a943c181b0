using Koppel.Domain.Sync;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Benchmarks.Scheduler;

/// <summary>The benchmark's tenants: each with its first run done and its flow due on a staggered 5-minute rhythm.</summary>
public static class Tenants
{
    private const int ItemsPerAccount = 5;

    /// <returns>Each flow state's first due time; its later slots follow every five minutes.</returns>
    public static async Task<Dictionary<int, DateTime>> SetUpAsync(SchedulerHub hub, int count)
    {
        hub.Get<TestShopSandbox>().Seed("shop", ItemsPerAccount, 1);
        var tenants = hub.Get<TenantService>();
        var baseUrl = new Uri(hub.Address, "sandbox/test-shop/").ToString();
        var slugs = Enumerable.Range(1, count).Select(i => $"bench-{i:0000}").ToList();
        await Parallel.ForEachAsync(slugs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (slug, ct) =>
        {
            await tenants.UpsertAsync(slug, new TenantInput(slug, "test-shop",
                new() { ["shop"] = new() { ["baseUrl"] = baseUrl, ["apiSecret"] = "bench-secret-0123456789" } }, null), ct);
            await hub.Get<FlowRunner>().RunAsync(slug, "products", new RunRequest(RunMode.Incremental, RunTrigger.Api), ct: ct);
        });

        // Staggered over the first five minutes after the nodes have had time to start, as a real fleet would be.
        var start = DateTime.UtcNow.AddSeconds(45);
        var spacing = TimeSpan.FromMinutes(BenchOptions.ScheduleMinutes) / count;
        var anchors = new Dictionary<int, DateTime>();
        await using var db = await hub.Get<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var states = await db.FlowStates.OrderBy(s => s.TenantId).Select(s => s.Id).ToListAsync();
        for (var i = 0; i < states.Count; i++)
        {
            var due = start + spacing * i;
            anchors[states[i]] = due;
            var id = states[i];
            await db.FlowStates.Where(s => s.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Schedule, BenchOptions.ScheduleMinutes.ToString()).SetProperty(x => x.NextDueAt, due));
        }
        return anchors;
    }
}
