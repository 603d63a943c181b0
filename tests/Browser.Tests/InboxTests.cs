using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Koppel.Browser.Tests.SyncLog;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Infrastructure.Tenants;
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

        // Filters live in the address, so a link can carry them.
        await page.Locator("#inbox-text").FillAsync("stock level");
        await Expect(page).ToHaveURLAsync(new Regex("q=stock%20level|q=stock\\+level"));
        await Expect(page.Locator("#inbox-empty")).ToContainTextAsync("No open errors for these filters");
        var byAge = await OpenInboxAsync(portal.Browser, $"/inbox?tenant={LogPortal.OtherTenant}&system=Test%20store&age=1");
        await Expect(byAge.Page.Locator("#inbox-empty")).ToContainTextAsync("No open errors for these filters");
        byAge.AssertNoErrors();
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_record_is_found_by_its_name_or_by_text_in_the_data_read_from_the_source()
    {
        var tab = await OpenInboxAsync(portal.Browser, $"/tenants/{LogPortal.OtherTenant}/inbox");
        var page = tab.Page;

        await page.Locator("#inbox-record").FillAsync("sku-x-9");
        await Expect(page).ToHaveURLAsync(new Regex("record=sku-x-9"));
        await Group(page, Refused).ClickAsync();
        await Expect(Record(page, "X-900")).ToContainTextAsync("SKU-X-900");
        await tab.ScreenshotAsync("inbox-find-record");

        // Words only the stored source data holds.
        var byData = await OpenInboxAsync(portal.Browser, $"/tenants/{LogPortal.OtherTenant}/inbox?record=loading%20dock");
        await Group(byData.Page, Refused).ClickAsync();
        await Expect(byData.Page.Locator(".records-table tr[data-record]")).ToHaveCountAsync(1);
        await Expect(Record(byData.Page, "X-900")).ToBeVisibleAsync();
        var none = await OpenInboxAsync(portal.Browser, $"/tenants/{LogPortal.OtherTenant}/inbox?record=no%20such%20shelf");
        await Expect(none.Page.Locator("#inbox-empty")).ToContainTextAsync("No open errors for these filters");
        foreach (var t in new[] { tab, byData, none }) t.AssertNoErrors();
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

    [Fact]
    public async Task Support_retries_chosen_records_after_seeing_the_cost_and_watches_the_retry_go()
    {
        const string slug = "shop-retry";
        string[] fixable = ["C-301", "C-302", "C-303", "C-304", "C-305", "C-306"];
        await portal.Services.GetRequiredService<TenantService>().UpsertAsync(slug, new TenantInput("Shop Retry BV", "test-shop",
            new() { ["shop"] = new() { ["baseUrl"] = new Uri(portal.Address, "sandbox/test-shop/").ToString(), ["apiSecret"] = LogPortal.Secret } },
            new JsonObject { ["pageSize"] = 50, ["skipNameless"] = false }), default);
        var faults = portal.Services.GetRequiredService<SandboxFaults>();
        try
        {
            foreach (var key in fixable) portal.Shop.PutItem(key, null, 3m);
            await portal.RunAsync(slug);
            foreach (var key in fixable) portal.Shop.PutItem(key, $"Shelf {key}", 3m);
            // A slow shop keeps the retry going long enough to watch it.
            faults.Plan("test-shop", new FaultPlan { DelayMilliseconds = 400 });

            var tab = await OpenInboxAsync(portal.Browser, $"/tenants/{slug}/inbox");
            var page = tab.Page;
            await Group(page, Refused).ClickAsync();
            foreach (var key in fixable)
                await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {key}" }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Retry the selected records" }).ClickAsync();

            var confirm = page.GetByRole(AriaRole.Dialog);
            await Expect(confirm).ToContainTextAsync("Retry 6 records?");
            await Expect(confirm).ToContainTextAsync("each of the 6 records is read again from Test shop (about 6 API calls) and written to Test store");
            await tab.ScreenshotAsync("inbox-retry-confirm");
            await confirm.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();

            var progress = page.Locator(".inbox-retry[data-flow='products']");
            await Expect(progress).ToContainTextAsync("Retrying 6 records of Products");
            await tab.ScreenshotAsync("inbox-retry-running");
            await Expect(page.Locator("#inbox-notice")).ToContainTextAsync("Retry of Products done: 6 read · 6 written · 0 unchanged · 0 failed", new() { Timeout = 60_000 });
            await Expect(progress).ToHaveCountAsync(0);
            // The group stays open with the records the retry did not touch.
            await Expect(Record(page, "B-100")).ToBeVisibleAsync();
            foreach (var key in fixable) await Expect(Record(page, key)).ToHaveCountAsync(0);
            await tab.ScreenshotAsync("inbox-retry-done");
            tab.AssertNoErrors();

            Assert.All(fixable, key => Assert.Single(portal.Shop.Products.Values, p => (string?)p["remoteId"] == key));
        }
        finally
        {
            faults.Clear("test-shop");
            // Gone from the shop, so the other tenants' later runs of this shared emulator never read them.
            foreach (var key in fixable) portal.Shop.DeleteItem(key);
        }
    }
}
