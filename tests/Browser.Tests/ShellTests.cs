using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests;

[Collection(PortalCollection.Name)]
public sealed class ShellTests(PortalFixture portal)
{
    private static readonly string[] MenuItems = ["Dashboard", "Tenants", "All tenants", "Users"];

    private static ILocator Menu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

    [Fact]
    public async Task Dashboard_shows_the_navigation_in_the_portal_theme()
    {
        var tab = await portal.OpenAsync("/");
        var page = tab.Page;

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        foreach (var item in MenuItems)
            await Expect(Menu(page).GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToBeVisibleAsync();
        // The diagnostic page is reachable by its address, not from the menu.
        await Expect(Menu(page).GetByRole(AriaRole.Link, new() { Name = "Circuit check" })).ToHaveCountAsync(0);

        // The theme's primary colour on the logo proves MudBlazor's stylesheet and the theme's variables apply.
        await Expect(page.Locator(".koppel-logo")).ToHaveCSSAsync("background-color", "rgb(57, 73, 171)");

        await tab.ScreenshotAsync("dashboard");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task The_dark_theme_is_chosen_with_the_toggle_and_remembered()
    {
        await using var context = await portal.NewContextAsync();
        await portal.SignInAsync(context, PortalServer.SupportEmail, PortalServer.SupportPassword);
        var tab = await PortalFixture.OpenAsync(context, "/");
        var page = tab.Page;
        var shell = page.Locator(".koppel-shell");
        await Expect(shell).ToHaveAttributeAsync("data-theme", "light");

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" }).ClickAsync();
        await Expect(shell).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(20, 22, 29)");
        await tab.ScreenshotAsync("dashboard-dark");

        var again = await PortalFixture.OpenAsync(context, "/tenants");
        await Expect(again.Page.Locator(".koppel-shell")).ToHaveAttributeAsync("data-theme", "dark");
        await again.ScreenshotAsync("tenants-dark");
        tab.AssertNoErrors();
        again.AssertNoErrors();
    }

    [Theory]
    [InlineData("Tenants", "/tenants", "Tenants", "tenants")]
    [InlineData("All tenants", "/log", "Sync log", "sync-log")]
    [InlineData("Users", "/users", "Users", "users-page")]
    public async Task Menu_item_opens_its_page(string item, string path, string heading, string screenshot)
    {
        var tab = await portal.OpenAsync("/");
        var page = tab.Page;

        await Menu(page).GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync($"{heading} · Koppel");
        await tab.ScreenshotAsync(screenshot);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task The_log_menu_leads_straight_to_a_tenants_log()
    {
        var tab = await portal.OpenAsync("/");
        var page = tab.Page;

        // Tenants that need attention come first; the demo tenant is there at least.
        var shortcut = Menu(page).Locator("a.nav-log-tenant, .nav-log-tenant a").First;
        var href = await shortcut.GetAttributeAsync("href");
        Assert.Matches("^tenants/[a-z0-9-]+/log$", href);

        await shortcut.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("/" + href) + "$"));
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Narrow_window_shows_the_menu_only_while_the_toggle_has_it_open()
    {
        // A phone opens the page at its own size.
        var tab = await portal.OpenAsync("/circuit", page => page.SetViewportSizeAsync(390, 844));
        var page = tab.Page;
        await tab.WaitForCircuitAsync();
        var tenants = Menu(page).GetByRole(AriaRole.Link, new() { Name = "Tenants", Exact = true });

        await Expect(page.Locator(".koppel-drawer")).ToHaveClassAsync(new Regex(@"\bmud-drawer--closed\b"));
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
