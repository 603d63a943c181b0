using System.Text.RegularExpressions;
using Koppel.Browser.Tests.SyncLog;
using Koppel.Infrastructure.SyncLog.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Browser.Tests;

/// <summary>The support inbox on open errors of real runs against the test-shop emulator.</summary>
[Collection(LogPortalCollection.Name)]
public sealed class InboxTests(LogPortal portal)
{
    private const string Refused = "The store refused the product: name is required.";

    private static ILocator Group(IPage page, string reason) => page.Locator(".inbox-grid tr.group-row", new() { HasText = reason });

    private static ILocator Record(IPage page, string record) => page.Locator($".records-table tr[data-record='{record}']");

    private static async Task<PortalPage> OpenInboxAsync(IBrowserContext context, string path)
    {
        var tab = await LogPortal.OpenAsync(context, path);
        await Expect(tab.Page.Locator(".inbox-layout[data-ready='true']")).ToBeVisibleAsync();
        return tab;
    }

    [Fact]
    public async Task Support_resolves_a_group_with_a_note_and_the_flows_count_drops()
    {
        // B-100 keeps failing in every test of this collection; R-200 is fixed by a sync log test that may run first.
        var open = await portal.Services.GetRequiredService<ErrorInbox>().CountAsync(LogPortal.Tenant, "products", default);
        Assert.InRange(open, 1, 2);
        var before = await LogPortal.OpenAsync(portal.Browser, $"/tenants/{LogPortal.Tenant}");
        var count = before.Page.Locator("#flow-products-errors");
        await Expect(count).ToHaveTextAsync(open == 1 ? "1 open error" : "2 open errors");
        await count.ClickAsync();
        await Expect(before.Page).ToHaveURLAsync(new Regex($"/tenants/{LogPortal.Tenant}/inbox\\?flow=products$"));
        await Expect(before.Page.Locator(".inbox-layout[data-ready='true']")).ToBeVisibleAsync();

        var tab = before;
        var page = tab.Page;
        await Expect(Group(page, Refused)).ToContainTextAsync($"{open}");
        await Group(page, Refused).ClickAsync();
        await Expect(Record(page, "B-100")).ToContainTextAsync(Refused);
        await Expect(page.Locator(".records-table tr[data-record]")).ToHaveCountAsync(open);
        await Record(page, "B-100").GetByRole(AriaRole.Button, new() { Name = "Journey of B-100" }).ClickAsync();
        await Expect(page.Locator("#details-heading")).ToContainTextAsync("B-100");
        await Expect(page.Locator("[data-testid='details-message']")).ToContainTextAsync(Refused);
        await tab.ScreenshotAsync("inbox-group");

        await page.Locator(".group-note input").FillAsync("Names filled in at the shop");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Resolve all {open} records" }).ClickAsync();
        await Expect(page.Locator("#inbox-notice")).ToContainTextAsync(open == 1 ? "1 record" : "2 records");
        await Expect(page.Locator("#inbox-empty")).ToContainTextAsync("No open errors");
        await tab.ScreenshotAsync("inbox-resolved");

        var after = await LogPortal.OpenAsync(portal.Browser, $"/tenants/{LogPortal.Tenant}");
        await Expect(after.Page.Locator("#flow-products-errors")).ToHaveTextAsync("none");
        tab.AssertNoErrors();
        after.AssertNoErrors();
    }

    [Fact]
    public async Task Support_sees_every_tenants_groups_with_their_tenant()
    {
        var tab = await OpenInboxAsync(portal.Browser, $"/inbox?tenant={LogPortal.OtherTenant}");
        var page = tab.Page;

        await Expect(Group(page, Refused)).ToContainTextAsync("Shop Two BV");
        await Expect(page.Locator(".inbox-grid tr.group-row")).ToHaveCountAsync(1);
        await tab.ScreenshotAsync("inbox-all-tenants");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_customer_reads_only_its_own_inbox_and_cannot_resolve()
    {
        await using var customer = await portal.SignedInContextAsync(LogPortal.CustomerTwoEmail, LogPortal.CustomerTwoPassword);

        var tab = await OpenInboxAsync(customer, $"/tenants/{LogPortal.OtherTenant}/inbox");
        var page = tab.Page;
        await Group(page, Refused).ClickAsync();
        await Expect(Record(page, "X-900")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Journey of X-900" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Resolve") })).ToHaveCountAsync(0);
        await tab.ScreenshotAsync("inbox-customer");

        foreach (var path in new[] { $"/tenants/{LogPortal.Tenant}/inbox", "/inbox" })
        {
            var other = await customer.NewPageAsync();
            var response = await other.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Expect(other.Locator("body")).Not.ToContainTextAsync("B-100");
        }
        tab.AssertNoErrors();
    }
}
