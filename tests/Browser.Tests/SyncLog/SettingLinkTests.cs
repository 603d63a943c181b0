using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Koppel.Infrastructure.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Browser.Tests.SyncLog;

/// <summary>A log entry a tenant option decided links to that option, highlighted on the tenant page.</summary>
[Collection(LogPortalCollection.Name)]
public sealed class SettingLinkTests(LogPortal portal)
{
    // A tenant of its own that skips nameless items, so the other tests' tenants keep their refused records.
    private const string Tenant = "shop-skips";

    [Fact]
    public async Task A_record_skipped_by_an_option_links_to_that_option_highlighted_on_the_tenant_page()
    {
        var shopUrl = new Uri(portal.Address, "sandbox/test-shop/").ToString();
        await portal.Services.GetRequiredService<TenantService>().UpsertAsync(Tenant, new TenantInput("Shop Skips BV", "test-shop",
            new() { ["shop"] = new() { ["baseUrl"] = shopUrl, ["apiSecret"] = LogPortal.Secret } },
            new JsonObject { ["pageSize"] = 50, ["skipNameless"] = true }), default);
        await portal.RunAsync(Tenant);

        var tab = await LogPortal.OpenAsync(portal.Browser, $"/tenants/{Tenant}/log");
        var page = tab.Page;
        await Expect(page.Locator(".log-layout[data-ready='true']")).ToBeVisibleAsync();
        var row = page.Locator(".log-grid tbody tr:has(.log-row[data-record='B-100'])").First;
        var link = row.Locator("a.setting-link");
        await Expect(link).ToContainTextAsync("Decided by setting skipNameless");
        await Expect(page.Locator(".log-grid tbody tr:has(.log-row[data-record='A-001']) a.setting-link")).ToHaveCountAsync(0);
        await tab.ScreenshotAsync("log-setting-link");

        await link.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/tenants/{Tenant}\\?setting=skipNameless$"));
        var option = page.Locator("#options [data-path='skipNameless']");
        await Expect(option).ToHaveClassAsync(new Regex("setting-highlight"));
        await Expect(option).ToBeInViewportAsync();
        await Expect(page.Locator("#options .setting-highlight")).ToHaveCountAsync(1);
        await tab.ScreenshotAsync("log-setting-link-lands");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_link_to_a_mapping_field_opens_the_mapping_editor_at_that_field()
    {
        var tab = await LogPortal.OpenAsync(portal.Browser, $"/tenants/{LogPortal.Tenant}/mappings/products?field=price");

        await Expect(tab.Page.Locator(".field-row[data-field='price']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(tab.Page.Locator(".field-row[data-field='name']")).ToHaveAttributeAsync("aria-pressed", "false");
        await tab.ScreenshotAsync("log-setting-link-mapping");
        tab.AssertNoErrors();
    }
}
