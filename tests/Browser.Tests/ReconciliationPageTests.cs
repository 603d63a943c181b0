using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Koppel.Browser.Tests;

/// <summary>The reconciliation page of the demo Exact tenant, against the portal's Exact and Optiply emulators.</summary>
[Collection(PortalCollection.Name)]
public sealed class ReconciliationPageTests(PortalFixture portal) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = portal.Server.BaseUrl };

    public void Dispose() => http.Dispose();

    private async Task<JsonObject> LatestAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenants/demo-exact/reconciliation");
        request.Headers.Add("X-Api-Key", PortalServer.SupportApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The latest report answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task Compute_now_shows_the_counts_the_api_reports_and_uncounted_entities_say_so()
    {
        await DemoExact.RunFullAsync(http, "products");
        var tab = await portal.OpenAsync("/tenants/demo-exact");
        var page = tab.Page;

        await page.Locator("#reconciliation-link").ClickAsync();
        await Expect(page.Locator(".reconciliation-page[data-ready='true']")).ToBeVisibleAsync();
        await page.Locator("#compute-now").ClickAsync();
        await Expect(page.Locator("#computed-at")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator(".reconciliation-page[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var product = (await LatestAsync())["entities"]!.AsArray().Single(e => (string?)e!["entity"] == "product")!;
        var card = page.Locator("#entity-product");
        await Expect(card.Locator("[data-figure='source']")).ToHaveTextAsync(((long)product["sourceCount"]!).ToString("N0"));
        await Expect(card.Locator("[data-figure='linked']")).ToHaveTextAsync(((long)product["linked"]!).ToString("N0"));
        await Expect(card.Locator("[data-figure='target']")).ToHaveTextAsync(((long)product["targetCount"]!).ToString("N0"));
        Assert.True((long)product["linked"]! > 0);
        await Expect(page.Locator("#entity-sell-order [data-figure='source']")).ToHaveTextAsync("not counted");
        await Expect(page.Locator("#download-csv")).ToHaveAttributeAsync("href", "api/v1/tenants/demo-exact/reconciliation.csv");
        await tab.ScreenshotAsync("reconciliation");
        tab.AssertNoErrors();
    }
}
