using System.Text;
using System.Text.Json.Nodes;

namespace Koppel.Browser.Tests;

/// <summary>
/// The fulfillable-orders page of a webshops tenant, against the portal's Okos-Ügyvitel emulator. Stock in warehouse 1:
/// A 5, B 1 (minimum 2, supplier Nagyker). Open orders, oldest first: UN-00001 A×3; UN-00002 A×4 + B×1 (A short by 2:
/// not fulfillable, takes nothing); UN-00003 A×2 + B×1 (fulfillable).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FulfillableOrdersTests(PortalFixture portal) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = portal.Server.BaseUrl };

    public void Dispose() => http.Dispose();

    private async Task<WebshopsErp> TenantAsync(string slug)
    {
        var erp = await WebshopsErp.CreateAsync(http, slug);
        await erp.ProductAsync("A", "Kerti szék", physical: 5);
        await erp.ProductAsync("B", "Kerti asztal", physical: 1, minimumStock: 2, supplier: "Nagyker", supplierItemCode: "NK-B");
        await erp.OrderAsync("Kovács Anna", "2026-12-01T10:00:00", ("A", 3));
        await erp.OrderAsync("Szabó Béla", "2026-12-02T10:00:00", ("A", 4), ("B", 1));
        await erp.OrderAsync("Nagy Éva", "2026-12-03T10:00:00", ("A", 2), ("B", 1));
        return erp;
    }

    private static async Task<List<(string Number, bool Fulfillable)>> MarksOnPageAsync(IPage page)
    {
        var rows = page.Locator("tr.order-row");
        var marks = new List<(string, bool)>();
        for (var i = 0; i < await rows.CountAsync(); i++)
            marks.Add((await rows.Nth(i).GetAttributeAsync("data-number") ?? "", await rows.Nth(i).GetAttributeAsync("data-fulfillable") == "true"));
        return marks;
    }

    [Fact]
    public async Task The_page_marks_the_orders_as_the_API_does_and_packs_the_selected_fulfillable_ones()
    {
        var erp = await TenantAsync("browser-fulfil");
        var tab = await portal.OpenAsync($"/tenants/{erp.Slug}");
        var page = tab.Page;

        await page.Locator("#fulfillable-link").ClickAsync();
        await Expect(page.Locator("tr.order-row")).ToHaveCountAsync(3);

        var api = JsonNode.Parse(await erp.ApiAsync(HttpMethod.Get, ""))!["orders"]!.AsArray()
            .Select(o => ((string)o!["number"]!, (bool)o["fulfillable"]!)).ToList();
        Assert.Equal([("UN-00001", true), ("UN-00002", false), ("UN-00003", true)], api);
        Assert.Equal(api, await MarksOnPageAsync(page));
        await Expect(page.Locator("tr[data-number='UN-00002'] .fulfil-chip")).ToHaveTextAsync("Not fulfillable");
        await Expect(page.Locator("tr[data-number='UN-00002'] .lacks")).ToHaveTextAsync("lacks 2 × Kerti szék");
        // Warehouse by its ERP name, webshop by the key the hub gave the order.
        await Expect(page.Locator("tr[data-number='UN-00001'] td")).ToHaveTextAsync(["", "UN-00001", "2026-12-01", "Kovács Anna", "Központi raktár", "un1", "Fulfillable"]);
        await tab.ScreenshotAsync("fulfillable-orders");

        await page.GetByRole(AriaRole.Button, new() { Name = "Select fulfillable" }).ClickAsync();
        await page.Locator("#show-packing").ClickAsync();

        var packing = page.Locator("#packing-summary");
        await Expect(packing.Locator("tr.packing-row")).ToHaveCountAsync(2);
        await Expect(packing.Locator("tr[data-code='A'] .quantity")).ToHaveTextAsync("5");
        await Expect(packing.Locator("tr[data-code='A']")).ToContainTextAsync("UN-00001, UN-00003");
        await Expect(packing.Locator("tr[data-code='B'] .quantity")).ToHaveTextAsync("1");
        await Expect(page.Locator("#packing-print")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("fulfillable-orders-packing");

        // The download is the API's CSV for the same orders (after the mark that tells spreadsheets it is UTF-8).
        var ids = JsonNode.Parse(await erp.ApiAsync(HttpMethod.Get, ""))!["orders"]!.AsArray()
            .Where(o => (bool)o!["fulfillable"]!).Select(o => (JsonNode)(string)o!["id"]!).ToArray();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#packing-csv").ClickAsync());
        var csv = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal(await erp.ApiAsync(HttpMethod.Post, "/packing-summary?format=csv", new JsonObject { ["documentIds"] = new JsonArray(ids) }), Encoding.UTF8.GetString(csv[3..]));

        // On paper only the summary: the orders table and the buttons stay off.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".orders-card")).ToBeHiddenAsync();
        await Expect(page.Locator("#packing-print")).ToBeHiddenAsync();
        await Expect(packing.Locator("tr[data-code='A']")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("fulfillable-orders-packing-print");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Selecting_the_orders_that_cannot_be_served_shows_what_to_purchase_and_from_whom()
    {
        var erp = await TenantAsync("browser-purchase");
        var tab = await portal.OpenAsync($"/tenants/{erp.Slug}/fulfillable-orders");
        var page = tab.Page;
        await Expect(page.Locator("tr.order-row")).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Button, new() { Name = "Select not fulfillable" }).ClickAsync();
        await Expect(page.Locator("#show-packing")).ToBeDisabledAsync();
        await page.Locator("#show-purchase").ClickAsync();

        // A: reserved 9 by the three open orders, physical 5 -> buy 4. B: reserved 2 + minimum 2 - physical 1 -> buy 3.
        var list = page.Locator("#purchase-list");
        await Expect(list.Locator("tr.purchase-row")).ToHaveCountAsync(2);
        await Expect(list.Locator("tr[data-code='A'] td")).ToHaveTextAsync(["A", "Kerti szék", "5", "9", "-4", "0", "0", "4", "—", "—"]);
        await Expect(list.Locator("tr[data-code='B'] td")).ToHaveTextAsync(["B", "Kerti asztal", "1", "2", "-1", "2", "0", "3", "Nagyker", "NK-B"]);
        await Expect(list).ToContainTextAsync("Orders: UN-00002");
        await tab.ScreenshotAsync("fulfillable-orders-purchase");

        // Its download is the API's CSV for the same order, as the packing summary's is.
        var notFulfillable = JsonNode.Parse(await erp.ApiAsync(HttpMethod.Get, ""))!["orders"]!.AsArray()
            .Where(o => !(bool)o!["fulfillable"]!).Select(o => (JsonNode)(string)o!["id"]!).ToArray();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#purchase-csv").ClickAsync());
        var csv = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal(await erp.ApiAsync(HttpMethod.Post, "/purchase-list?format=csv", new JsonObject { ["documentIds"] = new JsonArray(notFulfillable) }),
            Encoding.UTF8.GetString(csv[3..]));

        // On paper only the list: the orders table and the buttons stay off.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".orders-card")).ToBeHiddenAsync();
        await Expect(page.Locator("#purchase-print")).ToBeHiddenAsync();
        await Expect(list.Locator("tr[data-code='B']")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("fulfillable-orders-purchase-print");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task An_ERP_that_refuses_the_hub_is_named_in_a_message_not_an_error_page()
    {
        var erp = await WebshopsErp.CreateAsync(http, "browser-erp-refused", erpKey: "not-the-company-key");

        var tab = await portal.OpenAsync($"/tenants/{erp.Slug}/fulfillable-orders");

        await Expect(tab.Page.Locator("#fulfillable-problem")).ToContainTextAsync("Okos-Ügyvitel could not be read");
        await tab.ScreenshotAsync("fulfillable-orders-erp-refused");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_customer_sees_its_own_tenants_orders_and_not_another_tenants()
    {
        var own = await TenantAsync("browser-fulfil-own");
        var other = await WebshopsErp.CreateAsync(http, "browser-fulfil-other");
        await portal.CreateCustomerAsync(own.Slug, "lili@fulfil.example", "Lili-pass-12");
        await using var customer = await portal.NewContextAsync();
        await portal.SignInAsync(customer, "lili@fulfil.example", "Lili-pass-12");

        var tab = await PortalFixture.OpenAsync(customer, $"/tenants/{own.Slug}");
        await tab.Page.Locator("#fulfillable-link").ClickAsync();
        await Expect(tab.Page.Locator("tr.order-row")).ToHaveCountAsync(3);
        var otherPage = await customer.NewPageAsync();
        var refused = await otherPage.GotoAsync($"/tenants/{other.Slug}/fulfillable-orders");

        Assert.Equal(403, refused!.Status);
        await Expect(otherPage.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 })).ToBeVisibleAsync();
        await Expect(otherPage.Locator("tr.order-row")).ToHaveCountAsync(0);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task The_tenant_page_of_another_integration_has_no_fulfillable_orders_link()
    {
        await portal.CreateTenantAsync("browser-no-fulfil", "Browser no fulfillable orders");

        var tab = await portal.OpenAsync("/tenants/browser-no-fulfil");

        await Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Sync log" })).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("#fulfillable-link")).ToHaveCountAsync(0);
    }
}
