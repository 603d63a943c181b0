using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Infrastructure.Tests.Integrations.ExactOptiply;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Mappings;

/// <summary>Sample records read live from the Exact emulator over loopback, for the mapping editor.</summary>
public sealed class SampleRecordsTests
{
    private const string Flow = ProductsFlow.Key;

    [Fact]
    public async Task Samples_are_the_first_source_records_after_the_flows_rules()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 30);

        var samples = await hub.Hub.Get<SampleRecords>().ReadAsync(ExactOptiplyHub.Slug, Flow, limit: 12);

        Assert.Null(samples.Problem);
        Assert.Equal(12, samples.Records.Count);
        var items = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Items).ToDictionary(i => i["ID"]!.ToString(), StringComparer.OrdinalIgnoreCase);
        Assert.All(samples.Records, sample =>
        {
            Assert.True(sample.Mapped);
            Assert.Equal((string?)items[sample.Id]["Code"], (string?)sample.Data["Code"]);
            // Added by the flow's rules (stock of the chosen warehouses, options), as in a run.
            Assert.NotNull(sample.Data["StockLevel"]);
            Assert.Equal("isMakeItem", (string?)sample.Data["settings"]?["products"]?["assembledFrom"]);
        });
        Assert.Contains(samples.Records, s => s.Data["SalesPrice"] is not null);
    }

    [Fact]
    public async Task Sample_paths_offer_the_nested_fields_and_those_the_rules_add()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 20);

        var samples = await hub.Hub.Get<SampleRecords>().ReadAsync(ExactOptiplyHub.Slug, Flow);

        var paths = samples.Paths.Select(p => p.Path).ToList();
        Assert.Contains("Description", paths);
        Assert.Contains("Prices[0].Price", paths);
        Assert.Contains("Stock[0].CurrentStock", paths);
        Assert.Contains("StockLevel", paths);
        Assert.Contains("settings.warehouses.mode", paths);
    }

    [Fact]
    public async Task Reading_samples_writes_nothing_moves_no_cursor_and_keeps_the_rotated_refresh_token()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 15);

        await hub.Hub.Get<SampleRecords>().ReadAsync(ExactOptiplyHub.Slug, Flow);

        Assert.Empty(hub.Optiply.Records(ExactOptiplyHub.Account, "products"));
        await using (var db = await hub.Hub.DbAsync())
        {
            Assert.False(await db.FlowStates.AnyAsync(s => s.Cursor != null));
            Assert.Empty(await db.SyncRuns.ToListAsync());
        }
        // Exact rotates the refresh token on every refresh: had the samples lost it, this run could not sign in.
        var run = await hub.RunAsync(Flow);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(15, run.Created);
    }

    [Fact]
    public async Task A_source_that_does_not_answer_in_time_gives_a_readable_problem()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);
        hub.Faults.Plan(ExactOnlineSandbox.SegmentName, new FaultPlan { DelayMilliseconds = 3_000 });

        var samples = await hub.Hub.Get<SampleRecords>().ReadAsync(ExactOptiplyHub.Slug, Flow, timeout: TimeSpan.FromMilliseconds(500));

        Assert.Empty(samples.Records);
        Assert.Equal("Exact Online did not answer within 0.5 seconds. Try again, or check the connection.", samples.Problem);
    }

    [Fact]
    public async Task An_unknown_flow_is_named()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 5);

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => hub.Hub.Get<SampleRecords>().ReadAsync(ExactOptiplyHub.Slug, "invoices"));

        Assert.Contains("no flow \"invoices\"", error.Message);
    }
}
