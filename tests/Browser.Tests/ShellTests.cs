using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests;

[Collection(PortalCollection.Name)]
public sealed class ShellTests(PortalFixture portal)
{
    private static readonly string[] MenuItems = ["Dashboard", "Tenants", "Sync log", "Circuit check"];

    [Fact]
    public async Task Dashboard_shows_the_navigation_in_the_material_theme()
    {
        var tab = await portal.OpenAsync("/");
        var page = tab.Page;

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        var menu = page.GetByRole(AriaRole.Menu);
        foreach (var item in MenuItems)
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToBeVisibleAsync();

        // The material theme's primary colour on the header proves its stylesheet loaded and applies.
        await Expect(page.Locator(".rz-header")).ToHaveCSSAsync("background-color", "rgb(67, 64, 210)");
        var iconFontReady = await page.EvaluateAsync<bool>(
            "async () => { await document.fonts.ready; return document.fonts.check('24px \"Material Symbols\"'); }");
        Assert.True(iconFontReady, "The theme's icon font did not load.");

        await tab.ScreenshotAsync("dashboard");
        tab.AssertNoErrors();
    }

    [Theory]
    [InlineData("Tenants", "/tenants", "tenants")]
    [InlineData("Sync log", "/log", "sync-log")]
    [InlineData("Circuit check", "/circuit", "circuit")]
    public async Task Menu_item_opens_its_page(string item, string path, string screenshot)
    {
        var tab = await portal.OpenAsync("/");
        var page = tab.Page;

        await page.GetByRole(AriaRole.Menu).GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = item, Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync($"{item} · Koppel");
        await tab.ScreenshotAsync(screenshot);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Narrow_window_shows_the_menu_only_while_the_toggle_has_it_open()
    {
        var tab = await portal.OpenAsync("/circuit");
        var page = tab.Page;
        await page.SetViewportSizeAsync(390, 844);
        await tab.WaitForCircuitAsync();
        var tenants = page.GetByRole(AriaRole.Menu).GetByRole(AriaRole.Link, new() { Name = "Tenants", Exact = true });

        await Expect(tenants).Not.ToBeInViewportAsync();
        await tab.ScreenshotAsync("narrow");

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(tenants).ToBeInViewportAsync();
        await tab.ScreenshotAsync("narrow-menu-open");

        await tenants.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tenants", Level = 1 })).ToBeInViewportAsync();
        await Expect(tenants).Not.ToBeInViewportAsync();
        tab.AssertNoErrors();
    }
}
