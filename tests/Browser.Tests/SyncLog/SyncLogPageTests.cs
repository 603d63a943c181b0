using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests.SyncLog;

/// <summary>The tenant's sync log page, on records of real runs against the test-shop emulator.</summary>
[Collection(LogPortalCollection.Name)]
public sealed class SyncLogPageTests(LogPortal portal)
{
    private const string LogPath = $"/tenants/{LogPortal.Tenant}/log";
    private const string Refused = "The store refused the product: name is required.";

    // Each row's first cell carries the record and its outcome; the table's own rows have no data attributes.
    private static ILocator Rows(IPage page) => page.Locator(".log-grid tbody .log-row");

    private static ILocator Row(IPage page, string record) => page.Locator($".log-grid tbody tr:has(.log-row[data-record='{record}'])");

    private static ILocator Outcome(ILocator row) => row.Locator(".log-row");

    /// <summary>Opens the outcome filter's menu and picks one.</summary>
    private static async Task PickOutcomeAsync(IPage page, string outcome)
    {
        await page.Locator("#filter-outcome .mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = outcome }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task<PortalPage> OpenLogAsync(LogPortal portal)
    {
        var tab = await portal.OpenAsync(LogPath);
        await Expect(tab.Page.Locator(".log-layout[data-ready='true']")).ToBeVisibleAsync();
        return tab;
    }

    [Fact]
    public async Task A_failing_record_shows_with_the_reason_in_plain_words()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;

        var failing = Row(page, "B-100").First;
        await Expect(failing).ToBeVisibleAsync();
        await Expect(failing).ToContainTextAsync("Failed");
        await Expect(failing).ToContainTextAsync(Refused);
        await Expect(Row(page, "A-001").First).ToContainTextAsync("Created in Test store as");
        await Expect(page).ToHaveTitleAsync("Sync log · Shop One BV · Koppel");
        // The rows come first; the count follows and replaces "counting…".
        await Expect(page.Locator(".mud-table-page-number-information")).ToHaveTextAsync(new Regex(@"^1-\d+ of \d+$"));
        await tab.ScreenshotAsync("sync-log");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task The_log_shows_only_its_own_tenants_records()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;

        await Expect(Row(page, "A-001").First).ToBeVisibleAsync();
        await Expect(Row(page, "X-900")).ToHaveCountAsync(0);
        var other = await portal.OpenAsync($"/tenants/{LogPortal.OtherTenant}/log");
        await Expect(Row(other.Page, "X-900").First).ToBeVisibleAsync();
        await Expect(Row(other.Page, "A-001")).ToHaveCountAsync(0);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_customer_sees_their_own_log_and_never_another_tenants()
    {
        await using var customer = await portal.SignedInContextAsync(LogPortal.CustomerTwoEmail, LogPortal.CustomerTwoPassword);

        var own = await LogPortal.OpenAsync(customer, "/log");
        await Expect(own.Page).ToHaveURLAsync(new Regex($"/tenants/{LogPortal.OtherTenant}/log$"));
        await Expect(Row(own.Page, "X-900").First).ToContainTextAsync(Refused);

        var page = await customer.NewPageAsync();
        var response = await page.GotoAsync(LogPath);
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("[data-access-denied='true']")).ToBeVisibleAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("B-100");

        var csv = await customer.APIRequest.GetAsync($"{LogPath}/export.csv");
        Assert.Equal(403, csv.Status);
        Assert.DoesNotContain("B-100", await csv.TextAsync());
        own.AssertNoErrors();
    }

    [Fact]
    public async Task The_details_panel_shows_the_records_whole_journey()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;

        await Row(page, "B-100").First.Locator(".message").ClickAsync();

        var details = page.Locator(".log-details");
        await Expect(details.GetByRole(AriaRole.Heading, new() { Name = "Record B-100" })).ToBeVisibleAsync();
        await Expect(details.GetByTestId("details-message")).ToHaveTextAsync(Refused);
        var journey = details.Locator(".journey > li");
        await Expect(journey.Nth(0)).ToContainTextAsync("Read from Test shop");
        await Expect(journey.Nth(0).Locator("pre")).ToContainTextAsync("\"sku\": \"SKU-B-100\"");
        await Expect(journey.Nth(1)).ToContainTextAsync("Sent to Test store, after the rules and your mapping");
        await Expect(journey.Nth(1).Locator("pre")).ToContainTextAsync("\"price\": 7.25");
        await Expect(journey.Nth(2)).ToContainTextAsync("Test store's answer");
        await Expect(journey.Nth(2).Locator("pre")).ToContainTextAsync("name is required");
        await Expect(details).ToContainTextAsync("Other outcomes of this record");
        await Expect(details).Not.ToContainTextAsync(LogPortal.Secret);
        await tab.ScreenshotAsync("sync-log-details");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task The_recent_runs_leave_the_first_rows_above_the_fold()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;
        await Expect(page.Locator(".run-list li").First).ToBeVisibleAsync();

        var rows = Row(page, "B-100").First;
        await Expect(rows).ToBeInViewportAsync();
        var firstRow = await page.Locator(".log-grid tbody tr").Nth(4).BoundingBoxAsync();
        Assert.True(firstRow!.Y + firstRow.Height <= 900, $"The fifth row ends at {firstRow.Y + firstRow.Height}px, below a 900px window.");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task With_the_journey_open_what_happened_is_readable_and_the_rows_resync_stays_in_view()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;

        await Row(page, "B-100").First.Locator(".message").ClickAsync();
        await Expect(page.Locator(".log-details .details-message")).ToBeVisibleAsync();

        var row = Row(page, "B-100").First;
        var message = row.Locator(".message");
        await Expect(message).ToHaveTextAsync(Refused);
        var clipped = await message.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1");
        Assert.False(clipped, "\"What happened\" is cut off with the journey open.");
        var box = await message.BoundingBoxAsync();
        Assert.True(box!.Width >= 180, $"\"What happened\" is only {box.Width}px wide with the journey open.");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Resync B-100" })).ToBeInViewportAsync();
        await Expect(page.Locator(".log-details")).ToBeInViewportAsync();
        await tab.ScreenshotAsync("sync-log-journey-open");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Filtering_by_outcome_and_text_narrows_the_rows()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;
        await Expect(Row(page, "A-002").First).ToBeVisibleAsync();

        await PickOutcomeAsync(page, "Failed");

        await Expect(Row(page, "A-002")).ToHaveCountAsync(0);
        await Expect(Row(page, "B-100").First).ToBeVisibleAsync();
        foreach (var outcome in await Rows(page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.outcome)"))
            Assert.Equal("Failed", outcome);

        await page.Locator("#filter-text").FillAsync("B-1");
        await page.Locator("#filter-text").PressAsync("Enter");

        await Expect(Row(page, "R-200")).ToHaveCountAsync(0);
        await Expect(Row(page, "B-100").First).ToBeVisibleAsync();
        foreach (var record in await Rows(page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.record)"))
            Assert.Equal("B-100", record);

        await page.Locator("#filter-text").FillAsync("no such words anywhere");
        await page.Locator("#filter-text").PressAsync("Enter");
        await Expect(page.Locator(".log-grid")).ToContainTextAsync("No rows match these filters.");
        await tab.ScreenshotAsync("sync-log-filtered");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task The_CSV_download_holds_exactly_the_filtered_rows()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;
        await PickOutcomeAsync(page, "Failed");
        await Expect(Row(page, "A-001")).ToHaveCountAsync(0);
        await Expect(page.Locator("#export-csv")).ToHaveAttributeAsync("href", new Regex("outcome=failed"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList();

        Assert.Matches(@"^sync-log-shop-one-\d{8}-\d{4}\.csv$", download.SuggestedFilename);
        Assert.Equal("Time (UTC),Flow,Outcome,Record,Name,Target record,Run,Message", lines[0].TrimStart('\uFEFF'));
        var records = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(records);
        Assert.All(records, cells => Assert.Equal("Failed", cells[2]));
        Assert.Contains(records, cells => cells[3] == "B-100");
        Assert.DoesNotContain(records, cells => cells[3] is "A-001" or "X-900");
        Assert.Equal(await Rows(page).CountAsync(), records.Count);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Resyncing_a_fixed_record_from_its_row_makes_its_newest_outcome_a_success()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;
        await Expect(Outcome(Row(page, "R-200").First)).ToHaveAttributeAsync("data-outcome", "Failed");

        // The customer fixes the item at the source, then sends it again from the log.
        portal.Shop.PutItem("R-200", "Cabinet hinge", 9.99m);
        await Row(page, "R-200").First.GetByRole(AriaRole.Button, new() { Name = "Resync R-200" }).ClickAsync();

        await Expect(page.Locator(".resync-notice")).ToContainTextAsync("R-200: Created in Test store as");
        var newest = Row(page, "R-200").First;
        await Expect(Outcome(newest)).ToHaveAttributeAsync("data-outcome", "Created");
        await Expect(page.Locator(".log-details .details-message")).ToContainTextAsync("Created in Test store as");
        await Expect(page.Locator(".log-details .record-history")).ToContainTextAsync(Refused);
        Assert.Contains(portal.Shop.Products.Values, p => (string?)p["name"] == "Cabinet hinge");
        await tab.ScreenshotAsync("sync-log-resynced");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_resync_while_the_flow_runs_is_refused_politely()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;
        await portal.HoldFlowAsync(LogPortal.Tenant, held: true);
        try
        {
            await Row(page, "B-100").First.GetByRole(AriaRole.Button, new() { Name = "Resync B-100" }).ClickAsync();

            await Expect(page.Locator(".resync-notice")).ToContainTextAsync("The Products flow is running right now. Try the resync again once it has finished");
            await Expect(Outcome(Row(page, "B-100").First)).ToHaveAttributeAsync("data-outcome", "Failed");
        }
        finally
        {
            await portal.HoldFlowAsync(LogPortal.Tenant, held: false);
        }
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_run_that_starts_appears_live_and_picking_a_run_shows_only_its_records()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;

        var run = await portal.RunAsync(LogPortal.Tenant);
        var live = page.Locator($".run-list li[data-run='{run.Id}']");
        await Expect(live).ToBeVisibleAsync();
        await Expect(live).ToHaveAttributeAsync("data-status", run.Status.ToString());

        var seeding = page.Locator($".run-list li[data-run='{portal.SeedRunId}']");
        await seeding.GetByRole(AriaRole.Button).ClickAsync();

        await Expect(page.Locator(".log-filters")).ToContainTextAsync($"Run {portal.SeedRunId} only");
        await Expect(Row(page, "A-003").First).ToBeVisibleAsync();
        await Expect(page.Locator("#export-csv")).ToHaveAttributeAsync("href", new Regex($"run={portal.SeedRunId}"));
        await tab.ScreenshotAsync("sync-log-run");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show all runs" }).ClickAsync();
        await Expect(page.Locator(".log-filters")).Not.ToContainTextAsync("only");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_narrow_window_keeps_the_log_usable()
    {
        var tab = await OpenLogAsync(portal);
        var page = tab.Page;
        await page.SetViewportSizeAsync(390, 844);

        await Row(page, "B-100").First.Locator(".message").ClickAsync();
        await Expect(page.Locator(".log-details .details-message")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The page scrolls sideways on a narrow window.");
        await tab.ScreenshotAsync("sync-log-narrow");
        tab.AssertNoErrors();
    }
}
