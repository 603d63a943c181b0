using Bunit;
using Koppel.Infrastructure.Tenants;
using Koppel.Portal.Components.Tenants;
using MudBlazor;

namespace Koppel.Portal.Tests.Components.Tenants;

/// <summary>The flows of a tenant page: a flow the hub keeps off says why next to its switch.</summary>
public sealed class FlowsSectionTests : PortalComponentContext
{
    private async Task<IRenderedComponent<FlowsSection>> RenderAsync(string slug)
    {
        var input = new TenantInput("Flows section BV", "test-shop",
            new() { ["shop"] = new() { ["baseUrl"] = Host.ShopUrl, ["apiSecret"] = "flows-section-secret" } }, null);
        var (view, _) = await Service<TenantService>().UpsertAsync(slug, input, CancellationToken.None);
        Render<MudPopoverProvider>();
        return Render<FlowsSection>(p => p.Add(c => c.Slug, slug).Add(c => c.Flows, view.Flows).Add(c => c.CanEdit, true));
    }

    [Fact]
    public async Task A_new_tenants_flow_is_off_and_says_it_waits_for_the_connections()
    {
        var section = await RenderAsync("flows-waiting");

        section.WaitForAssertion(() => Assert.Equal(WaitingFlows.Reason, section.Find("#flow-products-paused").TextContent.Trim()));
        Assert.Equal("false", section.Find("td[data-label='On'] input[role=switch]").GetAttribute("aria-checked"));
    }

    [Fact]
    public async Task Once_its_connection_tests_green_the_flow_is_on_with_no_reason()
    {
        await RenderAsync("flows-green");
        var test = await Service<ConnectionTester>().TestAsync("flows-green", "shop", null, CancellationToken.None);
        var view = (await Service<TenantService>().GetAsync("flows-green", CancellationToken.None))!;

        var section = Render<FlowsSection>(p => p.Add(c => c.Slug, "flows-green").Add(c => c.Flows, view.Flows).Add(c => c.CanEdit, true));

        Assert.True(test.Succeeded, test.Message);
        section.WaitForAssertion(() => Assert.Empty(section.FindAll("#flow-products-paused")));
        Assert.Equal("true", section.Find("td[data-label='On'] input[role=switch]").GetAttribute("aria-checked"));
    }
}
