using System.Text.RegularExpressions;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Browser.Tests.SyncLog;

/// <summary>The reconciliation page's failing reasons, on open errors of real runs against the test-shop emulator.</summary>
[Collection(LogPortalCollection.Name)]
public sealed class ReconciliationFailuresTests(LogPortal portal)
{
    private const string Refused = "The store refused the product: name is required.";

    [Fact]
    public async Task A_failing_reason_links_to_the_inbox_filtered_to_its_flow_and_reason()
    {
        var tab = await LogPortal.OpenAsync(portal.Browser, $"/tenants/{LogPortal.Tenant}/reconciliation");
        var page = tab.Page;
        await Expect(page.Locator(".reconciliation-page[data-ready='true']")).ToBeVisibleAsync();

        await page.Locator("#compute-now").ClickAsync();

        var reason = page.Locator("#entity-product .reason-link", new() { HasText = Refused });
        await Expect(reason).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The test shop has no count call: both sides say so, and the linked items are the ones that went through
        // (the seed run's, and any other tests of this portal synced since).
        await Expect(page.Locator("#entity-product [data-figure='source']")).ToHaveTextAsync("not counted");
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync())
        {
            var linked = await db.RecordLinks.CountAsync(l => l.Entity == "product" && db.Tenants.Any(t => t.Id == l.TenantId && t.Slug == LogPortal.Tenant));
            Assert.True(linked >= 3, $"the seed run links three products, found {linked}");
            await Expect(page.Locator("#entity-product [data-figure='linked']")).ToHaveTextAsync(linked.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await tab.ScreenshotAsync("reconciliation-failing");

        await reason.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/tenants/{LogPortal.Tenant}/inbox\\?flow=products&q=The%20store%20refused"));
        await Expect(page.Locator(".inbox-grid tr.group-row", new() { HasText = Refused })).ToBeVisibleAsync();
        tab.AssertNoErrors();
    }
}
