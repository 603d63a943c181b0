using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests;

/// <summary>
/// The mapping editor on the demo tenant "demo-exact" (Exact Online and Optiply emulators of the running portal):
/// a rule built with the mouse, previewed on live samples, saved, and sent to Optiply by the next run.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MappingEditorTests(PortalFixture portal)
{
    private const string EditorPath = "/tenants/demo-exact/mappings/products";
    private const string ServiceName = "Service item (no stock)";

    [Fact]
    public async Task An_if_then_otherwise_rule_is_previewed_saved_and_sent_to_Optiply_by_the_next_run()
    {
        var tab = await OpenEditorAsync(portal.Browser);
        var page = tab.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Products mapping", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".preview-panel[data-state='ready']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator(".field-row.selected")).ToHaveAttributeAsync("data-field", "name");

        // name = if IsStockItem equals false then "Service item (no stock)" otherwise Description
        await PickAsync(page, "fields[0].rule:kind", "If / then / otherwise");
        await PickSourceAsync(page, "fields[0].rule.condition.left:source", "IsStockItem");
        await PickAsync(page, "fields[0].rule.condition.right:type", "true/false");
        await Expect(page.Locator("[data-part='fields[0].rule.condition.right:boolean'] input")).ToHaveValueAsync("False");
        await Expect(page.Locator("[data-part='fields[0].rule.otherwise:source'] input")).ToHaveValueAsync("Description");
        var then = page.Locator("[data-part='fields[0].rule.then:text'] input");
        await then.FillAsync(ServiceName);
        await then.PressAsync("Tab");

        var draftValues = page.Locator(".preview-table .draft-value");
        await Expect(draftValues.Filter(new() { HasText = ServiceName }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".field-row[data-field='name'] .field-rule")).ToContainTextAsync("if IsStockItem = false then");
        await Expect(page.Locator(".dirty-badge")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("mapping-editor");
        await ScrollToTopAsync(page.Locator(".editor-tabs"));
        await tab.ScreenshotAsync("mapping-preview");
        var previewedServices = await page.Locator(".preview-table tr.changed .draft-value", new() { HasText = ServiceName }).CountAsync();
        Assert.True(previewedServices > 0, "The preview shows no record with the new name.");

        await page.GetByLabel("Comment for this version").FillAsync("Services get a recognisable name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".editor-message")).ToContainTextAsync("Saved as version 1");
        await Expect(page.Locator(".dirty-badge")).ToHaveCountAsync(0);

        using var http = new HttpClient { BaseAddress = portal.Server.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var run = await DemoExact.RunFullAsync(http, "products");
        Assert.True(run["status"]?.ToString() is "succeeded" or "Succeeded", $"The run ended {run.ToJsonString()}");

        var services = await DemoExact.OptiplyListAsync(http, "products", $"filter[name]={Uri.EscapeDataString(ServiceName)}");
        Assert.NotEmpty(services);
        Assert.True(services.Count >= previewedServices, $"Optiply has {services.Count} products named \"{ServiceName}\"; the preview showed {previewedServices} among the samples alone.");

        await page.Locator(".editor-tabs .mud-tab", new() { HasText = "History" }).ClickAsync();
        var version = page.Locator(".history-table tr[data-version='1']");
        await Expect(version).ToContainTextAsync("Services get a recognisable name");
        await version.GetByRole(AriaRole.Button, new() { Name = "Changes" }).ClickAsync();
        var diff = page.Locator(".history-diff");
        await Expect(diff).ToContainTextAsync("Version 1 compared with the default mapping");
        await Expect(diff.Locator("tr", new() { HasText = "rule changed" })).ToContainTextAsync(ServiceName);
        await ScrollToTopAsync(page.Locator(".editor-tabs"));
        await tab.ScreenshotAsync("mapping-history-diff");

        // Back to the default in the draft: the impact preview finds the synced services that would be renamed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset to default" }).ClickAsync();
        await page.Locator(".editor-tabs .mud-tab", new() { HasText = "Impact on synced records" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check impact" }).ClickAsync();
        var summary = page.Locator(".impact-summary");
        await Expect(summary).ToContainTextAsync(new Regex(@$"^\s*{services.Count} of \d+ checked records would change"));
        await Expect(page.Locator(".impact-record .diff-table td.before", new() { HasText = ServiceName }).First).ToBeVisibleAsync();
        await ScrollToTopAsync(page.Locator(".editor-tabs"));
        await tab.ScreenshotAsync("mapping-impact");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Every_field_of_the_default_mapping_opens_in_the_rule_editor()
    {
        var tab = await OpenEditorAsync(portal.Browser);
        var page = tab.Page;
        var fields = await page.Locator(".field-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.field)");
        Assert.Equal(["name", "skuCode", "articleCode", "price", "unlimitedStock", "stockLevel", "status", "eanCode", "assembled"], fields);

        foreach (var field in fields)
        {
            await page.Locator($".field-row[data-field='{field}']").ClickAsync();
            await Expect(page.Locator(".field-editor h2")).ToHaveTextAsync(field);
            await Expect(page.Locator(".field-editor [data-rule$='.rule']").First).ToBeVisibleAsync();
        }
        // A field that is an option's switch says so and links to the option.
        await page.Locator(".field-row[data-field='stockLevel']").ClickAsync();
        await Expect(page.Locator(".field-editor")).ToContainTextAsync("products.mapStockLevel");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open the tenant's options" })).ToBeVisibleAsync();
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_rule_the_validator_rejects_is_not_saved_and_the_message_sits_at_the_field()
    {
        var tab = await OpenEditorAsync(portal.Browser);
        var page = tab.Page;
        await page.Locator(".field-row[data-field='skuCode']").ClickAsync();
        await PickAsync(page, "fields[1].rule:kind", "Format number");
        var format = page.Locator("[data-rule='fields[1].rule'] [data-part='fields[1].rule-format'] input");
        await format.FillAsync("");
        await format.PressAsync("Tab");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.Locator("[data-rule='fields[1].rule'] > .rule-error")).ToContainTextAsync("Number format must not be empty");
        await Expect(page.Locator(".editor-errors")).ToContainTextAsync("skuCode");
        await Expect(page.Locator(".field-row[data-field='skuCode']")).ToContainTextAsync("problem");
        await Expect(page.Locator(".dirty-badge")).ToBeVisibleAsync();

        // The browser keeps the draft for the next visit: leave none behind for the other tests in this browser.
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard changes" }).ClickAsync();
        await Expect(page.Locator(".dirty-badge")).ToHaveCountAsync(0);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task An_unsaved_draft_survives_a_reload_and_leaving_it_asks_first()
    {
        // A browser of its own: the draft lives in the browser's storage, which the other tests share.
        await using var browser = await portal.NewContextAsync();
        await portal.SignInAsync(browser, PortalServer.SupportEmail, PortalServer.SupportPassword);
        var tab = await OpenEditorAsync(browser);
        var page = tab.Page;
        await page.Locator(".field-row[data-field='skuCode']").ClickAsync();
        await PickAsync(page, "fields[1].rule:kind", "Fixed value");
        var text = page.Locator("[data-part='fields[1].rule:text'] input");
        await text.FillAsync("SKU-DRAFT");
        await text.PressAsync("Tab");
        await Expect(page.Locator(".field-row[data-field='skuCode'] .field-rule")).ToContainTextAsync("SKU-DRAFT");

        await page.ReloadAsync();
        await tab.WaitUntilInteractiveAsync();

        await Expect(page.Locator(".editor-message")).ToContainTextAsync("Your unsaved changes are back in the editor");
        await Expect(page.Locator(".dirty-badge")).ToBeVisibleAsync();
        await Expect(page.Locator(".field-row[data-field='skuCode'] .field-rule")).ToContainTextAsync("SKU-DRAFT");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tenants", Exact = true }).First.ClickAsync();
        var prompt = page.Locator(".mud-dialog", new() { HasText = "Leave with unsaved changes?" });
        await Expect(prompt).ToBeVisibleAsync();
        await tab.ScreenshotAsync("mapping-leave-prompt");
        await prompt.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Expect(prompt).ToHaveCountAsync(0);
        Assert.EndsWith(EditorPath, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Discard changes" }).ClickAsync();
        await page.ReloadAsync();
        await tab.WaitUntilInteractiveAsync();
        await Expect(page.Locator(".mapping-editor[data-draft-checked='true']")).ToBeVisibleAsync();
        await Expect(page.Locator(".dirty-badge")).ToHaveCountAsync(0);
        await Expect(page.Locator(".field-row[data-field='skuCode'] .field-rule")).Not.ToContainTextAsync("SKU-DRAFT");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task In_a_narrow_window_the_editor_stacks_the_field_list_above_the_rule()
    {
        var tab = await OpenEditorAsync(portal.Browser);
        var page = tab.Page;
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator(".field-editor")).ToBeVisibleAsync();

        // The layout follows the resize a moment later (the breakpoint is applied by script), so wait for it to settle.
        const string Stacked = """
            () => {
                const list = document.querySelector('.field-list')?.getBoundingClientRect();
                const editor = document.querySelector('.field-editor')?.getBoundingClientRect();
                return !!list && !!editor && list.bottom <= editor.top + 1;
            }
            """;
        var stacked = await page.WaitForFunctionAsync(Stacked, null, new() { Timeout = 10_000 }).ContinueWith(t => t.IsCompletedSuccessfully);
        Assert.True(stacked, "The rule editor should sit below the field list in a narrow window.");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The page scrolls sideways in a narrow window.");
        await tab.ScreenshotAsync("mapping-editor-narrow");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_customer_cannot_open_the_mapping_editor_even_of_its_own_tenant()
    {
        await portal.CreateCustomerAsync("demo-exact", "mia@demo-exact.example", "Mia-pass-12");
        await using var customer = await portal.NewContextAsync();
        await portal.SignInAsync(customer, "mia@demo-exact.example", "Mia-pass-12");
        var page = await customer.NewPageAsync();

        var response = await page.GotoAsync(EditorPath);

        Assert.Equal(403, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".mapping-editor")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unknown_flow_gets_a_readable_message()
    {
        var tab = await portal.OpenAsync("/tenants/demo-exact/mappings/no-such-flow");
        await Expect(tab.Page.Locator(".load-error")).ToContainTextAsync("has no flow \"no-such-flow\"");
        tab.AssertNoErrors();
    }

    /// <summary>Opens the editor once it has looked for a draft kept in the browser, so a restored draft cannot land mid-test.</summary>
    private static async Task<PortalPage> OpenEditorAsync(IBrowserContext browser)
    {
        var tab = await PortalFixture.OpenAsync(browser, EditorPath);
        await Expect(tab.Page.Locator(".mapping-editor[data-draft-checked='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return tab;
    }

    /// <summary>Brings a part of the page to the top of the window, so a screenshot shows it rather than the editor above.</summary>
    private static Task ScrollToTopAsync(ILocator part) => part.EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");

    /// <summary>Opens a drop-down by its data-part and clicks the option with that exact text.</summary>
    private static async Task PickAsync(IPage page, string part, string option)
    {
        await page.Locator($"[data-part='{part}'] .mud-input-control").ClickAsync();
        await OptionAsync(page, option).ClickAsync();
        await Expect(page.Locator($"[data-part='{part}'] input")).ToHaveValueAsync(option);
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    /// <summary>Types part of a source field's name into its picker and clicks the field in the suggestions.</summary>
    private static async Task PickSourceAsync(IPage page, string part, string path)
    {
        var input = page.Locator($"[data-part='{part}'] input");
        await input.ClickAsync();
        await input.FillAsync(path);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { Has = page.Locator($"strong:text-is('{path}')") }).ClickAsync();
        await Expect(input).ToHaveValueAsync(path);
    }

    private static ILocator OptionAsync(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") });
}
