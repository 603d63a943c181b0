using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

namespace Koppel.Infrastructure.Tests.Tenants;

/// <summary>Option values read live from the source system (Exact's warehouses) for the options form's pickers.</summary>
public sealed class SettingChoiceReaderTests
{
    [Fact]
    public async Task The_warehouse_options_offer_the_divisions_warehouses_main_first()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);
        var warehouses = hub.Exact.Rows(ExactOptiplyHub.Division, ExactDivision.Warehouses);

        var result = await hub.Hub.Get<SettingChoiceReader>().ReadAsync(ExactOptiplyHub.Slug, "warehouses.subset", default);

        Assert.Null(result.Problem);
        Assert.Equal(warehouses.Count, result.Choices.Count);
        Assert.Equal("1 · Hoofdmagazijn Amersfoort (main)", result.Choices[0].Label);
        var main = warehouses.Single(w => w["Code"]!.ToString() == "1");
        Assert.Equal(Guid.Parse(main["ID"]!.ToString()).ToString(), result.Choices[0].Value);
        Assert.Contains(result.Choices, c => c.Label == "2 · Winkel Rotterdam");
    }

    [Fact]
    public async Task The_main_warehouse_option_reads_the_same_list()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);
        var reader = hub.Hub.Get<SettingChoiceReader>();

        var subset = await reader.ReadAsync(ExactOptiplyHub.Slug, "warehouses.subset", default);
        var main = await reader.ReadAsync(ExactOptiplyHub.Slug, "warehouses.mainWarehouseId", default);

        Assert.Equal(subset.Choices, main.Choices);
        Assert.Contains("warehouses.mainWarehouseId", reader.PathsOf("exact-optiply"));
    }

    [Fact]
    public async Task A_setting_without_a_list_says_so()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);

        var result = await hub.Hub.Get<SettingChoiceReader>().ReadAsync(ExactOptiplyHub.Slug, "buyOrders.useLot", default);

        Assert.Empty(result.Choices);
        Assert.Equal("The Exact Online ↔ Optiply integration offers no list for buyOrders.useLot.", result.Problem);
    }

    [Fact]
    public async Task A_failing_system_becomes_a_readable_problem()
    {
        await using var hub = await ExactOptiplyHub.StartAsync(items: 10);
        // The token call goes through; the warehouse list keeps failing.
        hub.Faults.Plan(ExactOnlineSandbox.SegmentName, new Sandbox.FaultPlan { AfterRequests = 1, ServerErrors = 50 });

        var result = await hub.Hub.Get<SettingChoiceReader>().ReadAsync(ExactOptiplyHub.Slug, "warehouses.subset", default);

        Assert.Empty(result.Choices);
        Assert.NotNull(result.Problem);
        Assert.StartsWith("Exact Online had a problem answering inventory/Warehouses (HTTP 500).", result.Problem);
    }
}
