using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

/// <summary>Faults of both systems in the middle of a products run: it finishes, nothing is duplicated or lost.</summary>
public sealed class ProductsFlowFaultTests
{
    private const string Flow = ProductsFlow.Key;
    private const int Items = 60;

    [Fact]
    public async Task Optiply_answering_429_with_Retry_After_mid_run_slows_the_run_down_without_losing_a_product()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items);
        hub.Faults.Plan("optiply", new FaultPlan { AfterRequests = 20, TooManyRequests = 3, RetryAfterSeconds = 1 });

        var run = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.Succeeded, Items, 0), (run.Status, run.Created, run.Failed));
        AssertEveryItemOnceInOptiply(hub);
    }

    [Fact]
    public async Task A_burst_of_server_errors_from_Optiply_is_retried_and_creates_no_duplicates()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items);
        hub.Faults.Plan("optiply", new FaultPlan { AfterRequests = 30, ServerErrors = 3 });

        var run = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.Succeeded, Items, 0), (run.Status, run.Created, run.Failed));
        AssertEveryItemOnceInOptiply(hub);
    }

    [Fact]
    public async Task A_burst_of_server_errors_from_Exact_is_retried()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items);
        hub.Faults.Plan(ExactOnlineSandbox.SegmentName, new FaultPlan { AfterRequests = 2, ServerErrors = 2 });

        var run = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.Succeeded, Items), (run.Status, run.Created));
        AssertEveryItemOnceInOptiply(hub);
    }

    [Fact]
    public async Task Expired_access_tokens_of_both_systems_mid_run_are_refreshed_and_the_rotated_Exact_token_is_stored()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items);
        var initial = await StoredRefreshTokenAsync(hub);
        hub.Faults.Plan(ExactOnlineSandbox.SegmentName, new FaultPlan { AfterRequests = 2, ExpireTokens = 1 });
        hub.Faults.Plan("optiply", new FaultPlan { AfterRequests = 25, ExpireTokens = 1 });

        var run = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.Succeeded, Items, 0), (run.Status, run.Created, run.Failed));
        AssertEveryItemOnceInOptiply(hub);
        var rotated = await StoredRefreshTokenAsync(hub);
        Assert.NotEqual(initial, rotated);

        // The stored (rotated) token is the one that works from now on: a later run changes the renamed item.
        hub.Exact.ChangeItem(ExactOptiplyHub.Division, "ART-00002", i => i["Description"] = "Renamed after rotation");
        var next = await hub.RunAsync(Flow);
        Assert.Equal((RunStatus.Succeeded, 1), (next.Status, next.Updated));
    }

    [Fact]
    public async Task A_malformed_Exact_record_is_logged_in_plain_words_and_synced_on_the_next_run()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: Items);
        hub.Faults.Plan(ExactOnlineSandbox.SegmentName, new FaultPlan { MalformedRecords = 1 });

        var run = await hub.RunAsync(Flow);

        Assert.Equal((RunStatus.CompletedWithErrors, Items - 1, 1), (run.Status, run.Created, run.Failed));
        var failure = Assert.Single(await hub.LogAsync(run.Id), e => e.Outcome == Outcome.Failed);
        Assert.StartsWith("This record could not be read from Exact Online:", failure.Message);

        hub.Faults.Clear(ExactOnlineSandbox.SegmentName);
        var retry = await hub.RunAsync(Flow);

        Assert.Equal((1, 0), (retry.Created, retry.Failed));
        Assert.Equal(failure.SourceKey, Assert.Single(await hub.LogAsync(retry.Id), e => e.Outcome == Outcome.Created).SourceKey);
        AssertEveryItemOnceInOptiply(hub);
    }

    private static void AssertEveryItemOnceInOptiply(ExactOptiplyHub hub)
    {
        var remoteIds = hub.Optiply.Records(ExactOptiplyHub.Account, "products").Select(p => p["remoteIdMap"]?["1"]?.ToString()).ToList();
        var itemIds = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Items).Select(i => i["ID"]!.ToString().ToLowerInvariant()).Order().ToList();
        Assert.Equal(itemIds, remoteIds.Select(r => r!.ToLowerInvariant()).Order().ToList());
    }

    private static async Task<string?> StoredRefreshTokenAsync(ExactOptiplyHub hub)
    {
        await using var db = await hub.Hub.DbAsync();
        var tenant = await db.Tenants.Include(t => t.Connections).AsNoTracking().SingleAsync(t => t.Slug == ExactOptiplyHub.Slug);
        return hub.Hub.Get<TenantConnections>().Decrypt(tenant)[ExactOnlineConnection.System].Secrets.GetValueOrDefault("refreshToken");
    }
}
