using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests;

[Collection(PortalCollection.Name)]
public sealed class TenantsPageTests(PortalFixture portal)
{
    [Fact]
    public async Task Support_adds_a_tenant_and_lands_on_its_page_and_a_taken_id_is_refused_at_the_field()
    {
        var slug = "added-" + Guid.NewGuid().ToString("N")[..8];
        var tab = await portal.OpenAsync("/tenants");
        var page = tab.Page;

        await page.Locator("#new-tenant-name").FillAsync("Added from the portal");
        await page.Locator("#new-tenant-slug").FillAsync(slug);
        await tab.ScreenshotAsync("tenants-add");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tenant" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"/tenants/{slug}") + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Added from the portal", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var again = await portal.OpenAsync("/tenants");
        var listed = again.Page.Locator("#tenant-list").GetByRole(AriaRole.Link, new() { Name = "Added from the portal" });
        await Expect(listed).ToHaveAttributeAsync("href", $"tenants/{slug}");
        await again.ScreenshotAsync("tenants-list");
        await again.Page.Locator("#new-tenant-name").FillAsync("Second try");
        await again.Page.Locator("#new-tenant-slug").FillAsync(slug);
        await again.Page.GetByRole(AriaRole.Button, new() { Name = "Add tenant" }).ClickAsync();

        await Expect(again.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = $"A tenant with the id \"{slug}\" exists already." })).ToBeVisibleAsync();
        await Expect(again.Page).ToHaveURLAsync(new Regex("/tenants$"));
        tab.AssertNoErrors();
        again.AssertNoErrors();
    }
}
