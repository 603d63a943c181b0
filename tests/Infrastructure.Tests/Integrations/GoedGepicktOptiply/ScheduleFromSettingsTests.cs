using System.Text.Json.Nodes;
using Koppel.Infrastructure.Tenants;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

/// <summary>products.nightlyAt (Europe/Amsterdam) and buyOrders.intervalMinutes decide when the flows run.</summary>
public sealed class ScheduleFromSettingsTests
{
    private static async Task<Dictionary<string, FlowView>> FlowsAsync(GoedGepicktOptiplyHub hub) =>
        (await hub.Hub.Get<TenantService>().GetAsync(GoedGepicktOptiplyHub.Slug, CancellationToken.None))!.Flows.ToDictionary(f => f.Key);

    [Fact]
    public async Task The_nightly_time_and_the_buy_order_interval_set_the_schedules_and_follow_every_save()
    {
        var settings = new JsonObject
        {
            ["products"] = new JsonObject { ["nightlyAt"] = "02:30" },
            ["buyOrders"] = new JsonObject { ["toGoedGepickt"] = true, ["intervalMinutes"] = 15 },
        };
        await using var hub = await GoedGepicktOptiplyHub.StartAsync(settings);

        var flows = await FlowsAsync(hub);
        foreach (var nightly in new[] { "suppliers", "products", "supplier-products" })
            Assert.Equal("CRON_TZ=Europe/Amsterdam 30 2 * * *", flows[nightly].Schedule);
        Assert.Equal("15", flows["buy-orders"].Schedule);
        Assert.Equal("30", flows["receipts"].Schedule);

        settings["products"] = new JsonObject { ["nightlyAt"] = "04:00" };
        settings["buyOrders"]!["intervalMinutes"] = 45;
        await hub.Hub.Get<TenantService>().UpsertAsync(GoedGepicktOptiplyHub.Slug, new TenantInput(null, null, null, settings), CancellationToken.None);

        flows = await FlowsAsync(hub);
        Assert.Equal("CRON_TZ=Europe/Amsterdam 0 4 * * *", flows["products"].Schedule);
        Assert.Equal("45", flows["buy-orders"].Schedule);
    }
}
