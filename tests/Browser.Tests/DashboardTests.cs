namespace Koppel.Browser.Tests;

[Collection(PortalCollection.Name)]
public sealed class DashboardTests(PortalFixture portal)
{
    [Fact]
    public async Task Dashboard_lists_every_tenant_and_filters_by_search_text()
    {
        await portal.CreateTenantAsync("alpha-bikes", "Alpha Bikes");
        await portal.CreateTenantAsync("zeta-tools", "Zeta Tools");
        var tab = await portal.OpenAsync("/");
        var grid = tab.Page.Locator("#tenant-grid");

        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = "Alpha Bikes" })).ToBeVisibleAsync();
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = "Zeta Tools" })).ToBeVisibleAsync();
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = "Alpha Bikes" })).ToHaveAttributeAsync("href", "tenants/alpha-bikes");
        await tab.ScreenshotAsync("dashboard-tenants");

        await tab.Page.GetByLabel("Search tenants").PressSequentiallyAsync("zeta");

        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = "Zeta Tools" })).ToBeVisibleAsync();
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = "Alpha Bikes" })).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator("#tenant-count")).ToContainTextAsync("1 of");
        await tab.ScreenshotAsync("dashboard-search");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so()
    {
        await portal.CreateTenantAsync("alpha-bikes", "Alpha Bikes");
        var tab = await portal.OpenAsync("/");

        await tab.Page.GetByLabel("Search tenants").PressSequentiallyAsync("no tenant is called this");

        await Expect(tab.Page.GetByText("No tenant matches the search.")).ToBeVisibleAsync();
        tab.AssertNoErrors();
    }
}
