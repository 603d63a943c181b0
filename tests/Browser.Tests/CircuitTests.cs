namespace Koppel.Browser.Tests;

/// <summary>Events and input go to the server over the circuit and come back as renders.</summary>
[Collection(PortalCollection.Name)]
public sealed class CircuitTests(PortalFixture portal)
{
    [Fact]
    public async Task Each_click_is_counted_by_the_server()
    {
        var tab = await portal.OpenAsync("/circuit");
        await tab.WaitForCircuitAsync();
        var count = tab.Page.Locator("#click-count");
        await Expect(count).ToHaveTextAsync("0");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Count a click" }).ClickAsync();
        await Expect(count).ToHaveTextAsync("1");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Count a click" }).ClickAsync();
        await Expect(count).ToHaveTextAsync("2");

        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Typed_text_is_echoed_by_the_server_while_typing()
    {
        var tab = await portal.OpenAsync("/circuit");
        await tab.WaitForCircuitAsync();

        await tab.Page.GetByLabel("Type something").PressSequentiallyAsync("Optiply ↔ Exact");

        await Expect(tab.Page.Locator("#echo-output")).ToHaveTextAsync("Optiply ↔ Exact");
        await tab.ScreenshotAsync("circuit-in-use");
        tab.AssertNoErrors();
    }
}
