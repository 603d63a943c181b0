using System.Text.Json;
using System.Text.RegularExpressions;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;

namespace Koppel.Browser.Tests;

/// <summary>The tenant page: options, connections with write-only secrets, connection tests, and resync with live progress.</summary>
[Collection(PortalCollection.Name)]
public sealed class TenantPageTests(PortalFixture portal)
{
    private static ILocator Setting(IPage page, string path) => page.Locator($"[data-path='{path}']");

    [Fact]
    public async Task An_option_is_saved_and_kept()
    {
        await portal.CreateTenantAsync("browser-options", "Browser options");
        var tab = await portal.OpenAsync("/tenants/browser-options");
        var page = tab.Page;
        var mapEmail = Setting(page, "suppliers.mapEmail");
        await Expect(mapEmail.GetByRole(AriaRole.Switch)).ToHaveAttributeAsync("aria-checked", "false");

        await mapEmail.Locator(".mud-switch").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save options" }).ClickAsync();

        await Expect(page.Locator("#options-message")).ToHaveTextAsync("The options are saved. The next runs use them.");
        await mapEmail.ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("tenant-options-saved");
        var settings = await TenantJsonAsync(page, "browser-options");
        Assert.True(settings.GetProperty("settings").GetProperty("suppliers").GetProperty("mapEmail").GetBoolean());
        var again = await portal.OpenAsync("/tenants/browser-options");
        await Expect(Setting(again.Page, "suppliers.mapEmail").GetByRole(AriaRole.Switch)).ToHaveAttributeAsync("aria-checked", "true");
        tab.AssertNoErrors();
        again.AssertNoErrors();
    }

    [Fact]
    public async Task Turning_supplier_email_mapping_on_sends_the_emails_with_the_next_run()
    {
        using var http = new HttpClient { BaseAddress = portal.Server.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var tab = await portal.OpenAsync("/tenants/demo-exact");
        var page = tab.Page;
        var mapEmail = Setting(page, "suppliers.mapEmail");
        await Expect(mapEmail.GetByRole(AriaRole.Switch)).ToHaveAttributeAsync("aria-checked", "false");
        await DemoExact.RunFullAsync(http, "suppliers");
        Assert.All(await DemoExact.OptiplyListAsync(http, "suppliers"), s => Assert.Empty(s["attributes"]?["emails"]?.AsArray() ?? []));

        await mapEmail.Locator(".mud-switch").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save options" }).ClickAsync();
        await Expect(page.Locator("#options-message")).ToHaveTextAsync("The options are saved. The next runs use them.");
        var run = await DemoExact.RunFullAsync(http, "suppliers");

        Assert.True(run["status"]?.ToString() is "succeeded" or "completedWithErrors", $"The run ended {run.ToJsonString()}");
        var withEmail = (await DemoExact.OptiplyListAsync(http, "suppliers")).Where(s => s["attributes"]?["emails"]?.AsArray() is { Count: > 0 }).ToList();
        Assert.NotEmpty(withEmail);
        Assert.All(withEmail, s => Assert.Contains("@", s["attributes"]!["emails"]![0]!.ToString()));
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task An_invalid_option_is_named_at_its_field_and_not_saved()
    {
        await portal.CreateTenantAsync("browser-invalid", "Browser invalid option");
        var tab = await portal.OpenAsync("/tenants/browser-invalid");
        var page = tab.Page;

        await Setting(page, "warehouses.mode").Locator("div.mud-select").First.ClickAsync();
        await Option(page, "Subset").ClickAsync();
        // MudSelect sets its value only after a round trip that closes the menu: a Save sent sooner would overtake it.
        await Expect(Setting(page, "warehouses.mode").GetByRole(AriaRole.Combobox)).ToContainTextAsync("Subset");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save options" }).ClickAsync();

        await Expect(Setting(page, "warehouses.subset").GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose at least one warehouse for the subset.");
        await Expect(page.Locator("#options-message")).ToHaveTextAsync("Not saved: check Warehouses › Subset (the message is at the field).");
        // Without an Exact connection the warehouse list cannot be read: the field says why instead of failing.
        await Expect(Setting(page, "warehouses.subset")).ToContainTextAsync("The list could not be read");
        await Setting(page, "warehouses.subset").ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("tenant-options-invalid");
        var stored = (await TenantJsonAsync(page, "browser-invalid")).GetProperty("settings");
        Assert.False(stored.TryGetProperty("warehouses", out var warehouses) && warehouses.GetProperty("mode").GetString() == "subset",
            "The invalid options were stored.");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_secret_is_replaced_without_the_stored_one_ever_reaching_the_browser()
    {
        await portal.CreateTenantAsync("browser-secrets", "Browser secrets");
        var tab = await portal.OpenAsync("/tenants/browser-secrets");
        var page = tab.Page;
        var card = page.Locator("#connection-optiply");
        var hub = portal.Server.BaseUrl;
        await Expect(card).ToContainTextAsync("not set up");

        await card.GetByLabel("API address").FillAsync(OptiplyDemoLogin.BaseUrl(hub));
        await card.GetByLabel("Sign-in (token) address").FillAsync(OptiplyDemoLogin.TokenUrl(hub));
        await card.GetByLabel("Client id").FillAsync(OptiplyDemoLogin.ClientId);
        await card.GetByLabel("Client secret").FillAsync(OptiplyDemoLogin.ClientSecret);
        await card.GetByLabel("Username (e-mail of the Optiply API user)").FillAsync(OptiplyDemoLogin.Username);
        await card.GetByLabel("Password").FillAsync("an-old-wrong-password");
        await card.GetByLabel("Optiply account id").FillAsync(OptiplyDemoLogin.AccountId);
        await card.GetByRole(AriaRole.Button, new() { Name = "Save connection" }).ClickAsync();

        await Expect(page.Locator("#connection-optiply-saved")).ToHaveTextAsync("The Optiply connection is saved.");
        await Expect(page.Locator("#connection-optiply-password-state")).ToHaveTextAsync("set");
        await Expect(card.GetByLabel("Password")).ToHaveValueAsync("");
        await Expect(card.GetByLabel("Password")).ToHaveAttributeAsync("placeholder", "Type a new value to replace it");

        // The stored (wrong) password is used by the test without being shown.
        await card.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Expect(page.Locator("#connection-optiply-test")).ToContainTextAsync("Optiply refused the credentials");

        await card.GetByLabel("Password").FillAsync(OptiplyDemoLogin.Password);
        await card.GetByRole(AriaRole.Button, new() { Name = "Save connection" }).ClickAsync();
        await Expect(page.Locator("#connection-optiply-saved")).ToHaveTextAsync("The Optiply connection is saved.");
        await Expect(card.GetByLabel("Password")).ToHaveValueAsync("");
        await card.ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("tenant-secret-replaced");

        // A fresh page knows the secret only as "set"; the replaced one is what the system now accepts.
        var fresh = await portal.OpenAsync("/tenants/browser-secrets");
        var freshCard = fresh.Page.Locator("#connection-optiply");
        await Expect(fresh.Page.Locator("#connection-optiply-password-state")).ToHaveTextAsync("set");
        await Expect(freshCard.GetByLabel("Password")).ToHaveValueAsync("");
        var html = await fresh.Page.ContentAsync();
        Assert.DoesNotContain(OptiplyDemoLogin.Password, html);
        Assert.DoesNotContain("an-old-wrong-password", html);
        Assert.DoesNotContain(OptiplyDemoLogin.ClientSecret, html);
        await freshCard.GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();
        await Expect(fresh.Page.Locator("#connection-optiply-test")).ToHaveTextAsync(
            new Regex($"^Signed in to Optiply as {Regex.Escape(OptiplyDemoLogin.Username)}; account {OptiplyDemoLogin.AccountId} holds \\d+ products?\\.$"));
        await freshCard.ScrollIntoViewIfNeededAsync();
        await fresh.ScreenshotAsync("tenant-connection-test");
        tab.AssertNoErrors();
        fresh.AssertNoErrors();
    }

    [Fact]
    public async Task Test_connection_answers_with_the_systems_words_and_warehouses_are_read_live()
    {
        var tab = await portal.OpenAsync("/tenants/demo-exact");
        var page = tab.Page;

        await page.Locator("#connection-exactOnline").GetByRole(AriaRole.Button, new() { Name = "Test connection" }).ClickAsync();

        await Expect(page.Locator("#connection-exactOnline-test")).ToHaveTextAsync(new Regex("^Connected to Exact Online as .+; division 123456 is \".+\"\\.$"), new() { Timeout = 30_000 });
        await Setting(page, "warehouses.mainWarehouseId").Locator("div.mud-select").First.ClickAsync(new() { Timeout = 30_000 });
        await Expect(Option(page, "1 · Hoofdmagazijn Amersfoort (main)")).ToBeVisibleAsync();
        await Expect(Option(page, "2 · Winkel Rotterdam")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("tenant-warehouse-picker");
        await page.Keyboard.PressAsync("Escape");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Full_resync_shows_live_progress_and_a_second_click_is_refused_politely()
    {
        var tab = await portal.OpenAsync("/tenants/demo-exact");
        var page = tab.Page;
        // A slow Exact keeps the run going long enough to watch it and click again.
        await SandboxFaultsAsync(page, "exact-online", new { delayMilliseconds = 700 });
        try
        {
            var run = page.Locator("#flow-products-run");
            var message = page.Locator("#flow-products-message");

            await page.GetByRole(AriaRole.Button, new() { Name = "Full resync of Products" }).ClickAsync();
            var confirm = page.GetByRole(AriaRole.Dialog);
            await Expect(confirm).ToContainTextAsync("Full resync of Products?");
            await tab.ScreenshotAsync("tenant-resync-confirm");
            await confirm.GetByRole(AriaRole.Button, new() { Name = "Full resync", Exact = true }).ClickAsync();
            await Expect(run).ToContainTextAsync("Running");
            await Expect(run).ToContainTextAsync("full resync for");
            await Expect(run).ToContainTextAsync(new Regex(@"\d+ read · \d+ written · \d+ unchanged · \d+ failed"));
            await tab.ScreenshotAsync("tenant-resync-running");

            await page.GetByRole(AriaRole.Button, new() { Name = "Sync Products now" }).ClickAsync();
            await Expect(message).ToContainTextAsync(new Regex(@"^Products is already running \(full resync\) since \d\d:\d\d:\d\d UTC\."));
            await tab.ScreenshotAsync("tenant-resync-refused");

            await Expect(message).ToContainTextAsync(new Regex(@"^Full resync of Products (succeeded|finished with errors): [1-9]\d* read"), new() { Timeout = 120_000 });
            await Expect(run).Not.ToContainTextAsync("Running");
            await Expect(run.Locator(".outcome-chip")).ToHaveTextAsync(new Regex("^(Succeeded|Finished with errors)$"));
            await Expect(run).ToContainTextAsync(new Regex(@"[1-9]\d* read"));
            await tab.ScreenshotAsync("tenant-resync-finished");
        }
        finally
        {
            await SandboxFaultsAsync(page, "exact-online", null);
        }
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_customer_sees_flows_and_sync_now_but_no_full_resync_connections_or_options()
    {
        await portal.CreateTenantAsync("browser-customer-view", "Browser customer view");
        await portal.CreateCustomerAsync("browser-customer-view", "erik@browser-customer-view.example", "Customer-pass-1");
        await using var context = await portal.NewContextAsync();
        await portal.SignInAsync(context, "erik@browser-customer-view.example", "Customer-pass-1");
        var tab = await PortalFixture.OpenAsync(context, "/tenants/browser-customer-view");
        var page = tab.Page;

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flows", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync Products now" })).ToBeVisibleAsync();
        // A full resync spends the systems' API quota: support staff start it, customers do not see it.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Full resync of Products" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connections" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Options" })).ToHaveCountAsync(0);
        await Expect(page.Locator("input[type=password]")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Switch)).ToHaveCountAsync(0);
        await tab.ScreenshotAsync("tenant-customer");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_narrow_window_shows_each_flow_as_a_block_with_its_buttons()
    {
        var tab = await portal.OpenAsync("/tenants/demo-exact");
        var page = tab.Page;
        await page.SetViewportSizeAsync(390, 844);

        var resync = page.GetByRole(AriaRole.Button, new() { Name = "Full resync of Products" });
        await resync.ScrollIntoViewIfNeededAsync();
        await Expect(resync).ToBeInViewportAsync();
        await Expect(page.Locator("#flows .flow-message-row")).ToHaveCountAsync(0);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width} px wide in a 390 px window: it scrolls sideways.");
        await tab.ScreenshotAsync("tenant-narrow");
        tab.AssertNoErrors();
    }

    /// <summary>An item of the open MudBlazor select list, by its exact text.</summary>
    private static ILocator Option(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") });

    private static async Task<JsonElement> TenantJsonAsync(IPage page, string slug)
    {
        var response = await page.APIRequest.GetAsync($"/api/v1/tenants/{slug}", new() { Headers = ApiKey });
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }

    private static async Task SandboxFaultsAsync(IPage page, string system, object? plan)
    {
        var url = $"/sandbox/{system}/_sandbox/faults";
        var response = plan is null
            ? await page.APIRequest.DeleteAsync(url, new() { Headers = ApiKey })
            : await page.APIRequest.PutAsync(url, new() { Headers = ApiKey, DataObject = plan });
        Assert.True(response.Ok, $"{url} answered {response.Status}.");
    }

    private static Dictionary<string, string> ApiKey => new() { ["X-Api-Key"] = PortalServer.SupportApiKey };
}
