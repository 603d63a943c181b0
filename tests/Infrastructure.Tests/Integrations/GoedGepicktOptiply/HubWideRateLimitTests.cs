using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

/// <summary>
/// GoedGepickt counts 150 requests per calling IP, whatever the API key: the runs of all the hub's tenants share one
/// budget. Two tenants' runs at once that need more than 150 calls together are paced so GG never answers 429.
/// </summary>
public sealed class HubWideRateLimitTests
{
    [Fact]
    public async Task Two_tenants_runs_at_once_stay_within_the_hub_wide_budget_together()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        const string otherSlug = "tweede-magazijn", otherAccount = "gg-tweede", otherKey = "gg-key-tweede";
        hub.GoedGepickt.RegisterKey(otherKey, otherAccount);
        await hub.AddTenantAsync(otherSlug, otherKey);
        Assert.Equal(150, hub.GoedGepickt.RequestsPerWindow);
        // Products flagged "ignore for Optiply": each costs one GoedGepickt read and no Optiply write.
        List<string> Products(string account, string prefix) => Enumerable.Range(1, 85).Select(i => hub.GoedGepickt.AddProduct(account, new JsonObject
        {
            ["sku"] = $"{prefix}-{i}", ["name"] = $"Product {prefix}-{i}", ["ignoreForOptiply"] = true,
            ["stock"] = new JsonObject { ["freeStock"] = i },
        }, fire: false)["uuid"]!.ToString()).ToList();
        var first = Products(GoedGepicktOptiplyHub.GgAccount, "EEN");
        var second = Products(otherAccount, "TWEE");
        var before = hub.GoedGepickt.Requests.Count;

        var launcher = hub.Hub.Get<RunLauncher>();
        var runs = await Task.WhenAll(
            launcher.RunAsync(GoedGepicktOptiplyHub.Slug, "products", RunRequest.ForRecords(first, RunTrigger.Manual), CancellationToken.None),
            launcher.RunAsync(otherSlug, "products", RunRequest.ForRecords(second, RunTrigger.Manual), CancellationToken.None));

        Assert.All(runs, run => Assert.Equal(RunStatus.Succeeded, run.Status));
        Assert.All(runs, run => Assert.Equal(85, run.Skipped));
        // More than one window's budget was asked for, and GoedGepickt never refused a call.
        Assert.True(hub.GoedGepickt.Requests.Count - before >= 170, $"{hub.GoedGepickt.Requests.Count - before} calls");
        Assert.Equal(0, hub.GoedGepickt.TooManyAttemptsAnswered);
    }
}
