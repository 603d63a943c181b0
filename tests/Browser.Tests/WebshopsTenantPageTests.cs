using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests;

/// <summary>
/// The tenant page of a webshops tenant (one UNAS shop "un1" on an ERP company with warehouses 1 and 2): each webshop's
/// options with pickers read live from the ERP, an id the ERP no longer has refused at its field, and the flows run for
/// one webshop, named in their messages.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class WebshopsTenantPageTests(PortalFixture portal) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = portal.Server.BaseUrl };

    public void Dispose() => http.Dispose();

    private static ILocator Setting(IPage page, string path) => page.Locator($"[data-path='{path}']");

    private static ILocator Option(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") });

    [Fact]
    public async Task Each_webshops_options_pick_from_the_erp_refuse_what_it_lacks_at_the_field_and_its_flows_run_alone()
    {
        var erp = await WebshopsErp.CreateAsync(http, "browser-shops");
        var tab = await portal.OpenAsync($"/tenants/{erp.Slug}");
        var page = tab.Page;

        // The webshop's warehouse is a picker of the ERP's warehouses; choosing the other one saves.
        await Setting(page, "webshops.un1.warehouseId").Locator("div.mud-select").First.ClickAsync(new() { Timeout = 30_000 });
        await Expect(Option(page, "1 · Központi raktár")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("webshops-options-picker");
        await Option(page, "2 · Bolt raktár").ClickAsync();
        // MudSelect sets its value only after a round trip that closes the menu: a Save sent sooner would overtake it.
        await Expect(Setting(page, "webshops.un1.warehouseId").GetByRole(AriaRole.Combobox)).ToContainTextAsync("2 · Bolt raktár");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save options" }).ClickAsync();
        await Expect(page.Locator("#options-message")).ToHaveTextAsync("The options are saved. The next runs use them.");

        // The ERP loses warehouse 2: the picker shows the stored id as not found, and saving is refused at that field.
        await erp.KeepOnlyWarehousesAsync("1");
        await page.ReloadAsync();
        await tab.WaitUntilInteractiveAsync();
        await Expect(Setting(page, "webshops.un1.warehouseId")).ToContainTextAsync("2 (not found in the system)", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save options" }).ClickAsync();
        await Expect(page.Locator("#options-message")).ToContainTextAsync("Not saved: check Webshops › un1 › Warehouse id");
        await Expect(Setting(page, "webshops.un1.warehouseId")).ToContainTextAsync("Okos-Ügyvitel has no warehouse \"2\"; it has 1.");
        await Setting(page, "webshops.un1.warehouseId").ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("webshops-options-refused");

        // The orders flow runs for the one webshop; its message names it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sync Orders of webshop un1 now" }).ClickAsync();
        await Expect(page.Locator("#flow-orders-message")).ToContainTextAsync("Orders · un1", new() { Timeout = 60_000 });
        await page.Locator("#flows").ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("webshops-flows-one-webshop");
        tab.AssertNoErrors();
    }
}
