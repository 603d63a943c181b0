using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests.SyncLog;

/// <summary>The run history beyond the log's strip, one run's page, and the log opened from a link with its filter.</summary>
[Collection(LogPortalCollection.Name)]
public sealed class RunPagesTests(LogPortal portal)
{
    private static ILocator LogRows(IPage page) => page.Locator(".log-grid tbody .log-row");

    [Fact]
    public async Task A_run_opens_from_the_history_shows_its_counts_and_links_to_exactly_its_records()
    {
        var tab = await LogPortal.OpenAsync(portal.Browser, $"/tenants/{LogPortal.Tenant}/runs");
        var page = tab.Page;
        await Expect(page.Locator(".runs-page[data-ready='true']")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("runs-history");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Run {portal.SeedRunId}", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/tenants/{LogPortal.Tenant}/runs/{portal.SeedRunId}$"));
        await Expect(page.Locator("h1")).ToContainTextAsync($"Run {portal.SeedRunId} · Products");
        // The seeding run read five items: three went through, two had no name.
        await Expect(page.Locator(".run-count[data-count='read'] .run-count-value")).ToHaveTextAsync("5");
        await Expect(page.Locator(".run-count[data-count='created'] .run-count-value")).ToHaveTextAsync("3");
        await Expect(page.Locator(".run-count[data-count='failed'] .run-count-value")).ToHaveTextAsync("2");
        // Its calls to the shop: the emulator's own count is checked by the engine's tests; here the page shows it.
        await Expect(page.Locator("#run-calls")).ToContainTextAsync("shop");
        await tab.ScreenshotAsync("run-page");

        await page.Locator(".run-count[data-count='failed'] a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/log\\?run={portal.SeedRunId}&outcome=failed$"));
        await Expect(page.Locator(".log-filters")).ToContainTextAsync($"Run {portal.SeedRunId} only");
        await Expect(LogRows(page)).ToHaveCountAsync(2);
        foreach (var row in await LogRows(page).AllAsync())
            await Expect(row).ToHaveAttributeAsync("data-outcome", "Failed");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task An_unknown_run_says_so()
    {
        var tab = await LogPortal.OpenAsync(portal.Browser, $"/tenants/{LogPortal.Tenant}/runs/999999");

        await Expect(tab.Page.Locator("#run-missing")).ToContainTextAsync("has no run 999999");
        tab.AssertNoErrors();
    }
}
