using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests;

/// <summary>The tenant page's "API use today" panel and the cost a full resync shows before it starts.</summary>
[Collection(PortalCollection.Name)]
public sealed class QuotaPanelTests(PortalFixture portal)
{
    [Fact]
    public async Task The_panel_shows_each_systems_calls_today_against_its_limit_and_the_resync_its_cost()
    {
        using var http = new HttpClient { BaseAddress = portal.Server.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var run = await DemoExact.RunFullAsync(http, "products");
        var exactCalls = (int)run["calls"]!["exactOnline"]!;

        var tab = await portal.OpenAsync("/tenants/demo-exact");
        var page = tab.Page;
        var exact = page.Locator("#quota [data-system='exactOnline']");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API use today", Level = 2 })).ToBeVisibleAsync();
        await Expect(exact).ToContainTextAsync("Exact Online");
        // Other tests may have run the demo tenant today too: at least this run's calls, of Exact's 5,000 a day.
        await Expect(exact).ToContainTextAsync(new Regex(@"[\d,]+ of 5,000 calls · forecast [\d,]+ by midnight"));
        var used = int.Parse(Regex.Match(await exact.InnerTextAsync(), @"([\d,]+) of 5,000").Groups[1].Value.Replace(",", ""));
        Assert.True(used >= exactCalls, $"{used} calls shown, the run alone made {exactCalls}");
        await Expect(exact).ToContainTextAsync("Limit: 5,000 a day (also 60 a minute)");
        await Expect(page.Locator("#quota [data-system='optiply']")).ToContainTextAsync("no documented limit");
        await page.Locator("#quota").ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("tenant-quota");
        // The panel alone, at the size people read it.
        await page.Locator("#quota").ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "tenant-quota-panel.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Full resync of Products" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync(new Regex(@"About [\d,]+ calls to Exact Online: (fits in what is left of today's limit of 5,000|about \d+ days)"));
        await tab.ScreenshotAsync("tenant-quota-resync-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        tab.AssertNoErrors();
    }
}
