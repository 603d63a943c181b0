using System.Text.Json.Nodes;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Integrations.GoedGepicktOptiply;

public sealed class SuppliersFlowTests
{
    [Theory]
    [InlineData("yes", false, true)]
    [InlineData("no", true, false)]
    [InlineData("default", true, true)]
    [InlineData("default", false, false)]
    public async Task Backorders_follow_GoedGepickts_tri_state_with_the_company_setting_from_the_options(string backorders, bool companySetting, bool expected)
    {
        var settings = new JsonObject { ["suppliers"] = new JsonObject { ["backordersWhenDefault"] = companySetting, ["backorderThreshold"] = 3 } };
        await using var hub = await GoedGepicktOptiplyHub.StartAsync(settings);
        var supplier = hub.Supplier("Koffie BV", backorders: backorders);

        var run = await hub.RunAsync("suppliers");

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var written = hub.OptiplyByRemoteId("suppliers", supplier["uuid"]!.ToString())!;
        Assert.Equal("Koffie BV", (string?)written["name"]);
        Assert.Equal(expected, (bool)written["backorders"]!);
        Assert.Equal(3, (int)written["backorderThreshold"]!);
        Assert.Equal("inkoop@leverancier.example", (string?)written["emails"]![0]);
    }

    [Fact]
    public async Task A_supplier_without_a_valid_email_is_written_without_one_and_the_log_says_so()
    {
        await using var hub = await GoedGepicktOptiplyHub.StartAsync();
        var supplier = hub.Supplier("Thee BV", email: "not-an-address");

        var run = await hub.RunAsync("suppliers");

        var written = hub.OptiplyByRemoteId("suppliers", supplier["uuid"]!.ToString())!;
        Assert.Null(written["emails"]);
        Assert.Equal(0, (int)written["backorderThreshold"]!);
        Assert.Contains("not a valid e-mail address", (await hub.LogAsync(run.Id)).Single().Message);
    }
}
