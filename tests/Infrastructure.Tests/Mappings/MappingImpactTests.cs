using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Sync.Mappings;
using Koppel.Infrastructure.Tests.Integrations.ExactOptiply;
using System.Text.Json.Nodes;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Infrastructure.Tests.Mappings;

/// <summary>The impact preview: a draft mapping applied to the records a run already sent to Optiply.</summary>
public sealed class MappingImpactTests
{
    private const string Flow = ProductsFlow.Key;

    [Fact]
    public async Task Before_any_run_nothing_is_synced_so_nothing_would_change()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);

        var report = await Impact(hub).ComputeAsync(ExactOptiplyHub.Slug, Flow, ProductMapping.Default);

        Assert.Equal((0, 0, 0), (report.Synced, report.Checked, report.WouldChange));
        Assert.Null(report.Problem);
    }

    [Fact]
    public async Task The_mapping_that_was_sent_changes_nothing()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 20);
        await hub.RunAsync(Flow);

        var report = await Impact(hub).ComputeAsync(ExactOptiplyHub.Slug, Flow, ProductMapping.Default);

        Assert.Equal((20, 20, 0), (report.Synced, report.Checked, report.WouldChange));
        Assert.Empty(report.Examples);
    }

    [Fact]
    public async Task A_draft_that_renames_services_would_change_exactly_the_services_with_before_and_after()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 30);
        await hub.RunAsync(Flow);
        var draft = ProductMapping.Default.WithRule("name", If(Cond.Equals(Copy("IsStockItem"), false), Concat(": ", Const("Service"), Copy("Description")), Copy("Description")));
        var services = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Items).Where(i => (bool?)i["IsStockItem"] == false).ToList();
        Assert.NotEmpty(services);

        var report = await Impact(hub).ComputeAsync(ExactOptiplyHub.Slug, Flow, draft);

        Assert.Equal((30, services.Count), (report.Checked, report.WouldChange));
        var example = report.Examples.First();
        var item = services.Single(s => string.Equals(s["ID"]!.ToString(), example.SourceId, StringComparison.OrdinalIgnoreCase));
        var change = Assert.Single(example.Changes);
        Assert.Equal("name", change.Field);
        Assert.Equal((string?)item["Description"], (string?)change.Before);
        Assert.Equal($"Service: {item["Description"]}", (string?)change.After);
        Assert.Equal(hub.OptiplyByRemoteId("products", item["ID"]!.ToString())!["id"]?.ToString(), example.TargetId);
    }

    [Fact]
    public async Task The_flows_rules_run_with_todays_options_as_in_the_next_run()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 12);
        await hub.RunAsync(Flow);
        // Counting every warehouse instead of the main one changes the StockLevel the rules compute.
        await hub.SetSettingsAsync(new JsonObject { ["warehouses"] = new JsonObject { ["mode"] = "all" } });
        var withStock = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.ItemWarehouses)
            .GroupBy(s => s["Item"]!.ToString()).Count(g => g.Count(s => (double?)s["CurrentStock"] > 0) > 1);
        Assert.True(withStock > 0, "The generated division should keep some items in more than one warehouse.");

        var report = await Impact(hub).ComputeAsync(ExactOptiplyHub.Slug, Flow, ProductMapping.Default);

        Assert.True(report.WouldChange > 0);
        Assert.All(report.Examples, e => Assert.Equal("stockLevel", Assert.Single(e.Changes).Field));
    }

    [Fact]
    public async Task Field_problems_of_the_draft_are_counted_and_shown()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 8);
        await hub.RunAsync(Flow);
        var draft = ProductMapping.Default.WithRule("eanCode", Lookup(Copy("Code"), ("NO-SUCH-CODE", "x")));

        var report = await Impact(hub).ComputeAsync(ExactOptiplyHub.Slug, Flow, draft);

        Assert.Equal(8, report.WithProblems);
        Assert.All(report.Examples, e => Assert.Equal("eanCode", Assert.Single(e.Problems).Field));
    }

    private static MappingImpact Impact(ExactOptiplyHub hub) => hub.Hub.Get<MappingImpact>();
}
