using Koppel.Infrastructure.Connectors.Planfix.Sandbox;

namespace Koppel.Browser.Tests;

/// <summary>The Planfix scenario token: made by the hub at the save that finds it empty, shown once on the page, never again.</summary>
[Collection(PortalCollection.Name)]
public sealed class PlanfixHookTokenTests(PortalFixture portal)
{
    [Fact]
    public async Task The_generated_scenario_token_is_shown_once_after_the_save_and_not_on_the_next_visit()
    {
        await portal.CreateTenantAsync("browser-hook-token", "Browser hook token", "moysklad-planfix");
        var tab = await portal.OpenAsync("/tenants/browser-hook-token");
        var page = tab.Page;
        var card = page.Locator("#connection-planfix");
        await Expect(card).ToContainTextAsync("not set up");

        await card.GetByLabel("REST API address (https://<account>.planfix.com/rest)").FillAsync(PlanfixSandbox.BaseUrl(portal.Server.BaseUrl));
        await card.GetByLabel("REST API token").FillAsync(PlanfixSandbox.DemoToken);
        await card.GetByRole(AriaRole.Button, new() { Name = "Save connection" }).ClickAsync();

        await Expect(page.Locator("#connection-planfix-saved")).ToHaveTextAsync("The Planfix connection is saved.");
        var once = page.Locator("#connection-planfix-hookToken-once");
        await Expect(once).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{48}$"));
        var token = await once.TextContentAsync();
        await card.ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("planfix-hook-token-once");

        var again = await portal.OpenAsync("/tenants/browser-hook-token");
        await Expect(again.Page.Locator("#connection-planfix-hookToken-state")).ToHaveTextAsync("set");
        Assert.Equal(0, await again.Page.Locator("#connection-planfix-hookToken-once").CountAsync());
        Assert.DoesNotContain(token!, await again.Page.ContentAsync());
        tab.AssertNoErrors();
        again.AssertNoErrors();
    }
}
