using System.Text.RegularExpressions;

namespace Koppel.Browser.Tests;

/// <summary>
/// A dropped connection shows the reconnect dialog and, once the network is back, the page resumes the same
/// circuit: state kept, events flowing. When the server itself restarted, the page reloads by itself.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ReconnectTests(PortalFixture portal)
{
    [Fact]
    public async Task Page_resumes_its_circuit_after_the_connection_drops()
    {
        // Chromium's offline mode stops new requests but leaves an open WebSocket alone, so the circuit's socket
        // goes through a Playwright route the test can cut, like a network failure would.
        IWebSocketRoute? circuitSocket = null;
        var tab = await portal.OpenAsync("/circuit", page => page.RouteWebSocketAsync(new Regex("/_blazor"), route =>
        {
            route.ConnectToServer();
            circuitSocket = route;
        }));
        var page = tab.Page;
        await tab.WaitForCircuitAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Count a click" });
        var count = page.Locator("#click-count");
        var modal = page.Locator("#components-reconnect-modal");
        await button.ClickAsync();
        await button.ClickAsync();
        await Expect(count).ToHaveTextAsync("2");
        await Expect(modal).ToBeHiddenAsync();
        Assert.NotNull(circuitSocket);

        try
        {
            await page.Context.SetOfflineAsync(true);
            await circuitSocket.CloseAsync(new() { Code = 4000, Reason = "Network dropped by the test" });

            await Expect(modal).ToHaveClassAsync(new Regex(@"\bcomponents-reconnect-show\b"));
            await Expect(modal.GetByRole(AriaRole.Heading, new() { Name = "Connection lost" })).ToBeVisibleAsync();
            await tab.ScreenshotAsync("reconnect-modal");
        }
        finally
        {
            await page.Context.SetOfflineAsync(false);
        }

        await Expect(modal).ToHaveClassAsync(new Regex(@"\bcomponents-reconnect-hide\b"), new() { Timeout = 30_000 });
        await Expect(modal).ToBeHiddenAsync();
        await Expect(count).ToHaveTextAsync("2");
        await button.ClickAsync();
        await Expect(count).ToHaveTextAsync("3");
    }

    [Fact]
    public async Task Page_reloads_by_itself_after_the_server_restarts()
    {
        var tab = await portal.OpenAsync("/circuit");
        var page = tab.Page;
        await tab.WaitForCircuitAsync();
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Count a click" });
        var count = page.Locator("#click-count");
        var modal = page.Locator("#components-reconnect-modal");
        await button.ClickAsync();
        await Expect(count).ToHaveTextAsync("1");
        // Set on this page only: a reload gives a fresh document without it.
        await page.EvaluateAsync("window.koppelBeforeRestart = true");

        var restart = portal.Server.RestartAsync();
        await Expect(modal).ToHaveClassAsync(new Regex(@"\bcomponents-reconnect-show\b"), new() { Timeout = 30_000 });
        await Expect(modal.GetByRole(AriaRole.Heading, new() { Name = "Connection lost" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("reconnect-server-down");
        await restart;

        // Nobody clicks: the page notices the server is back without its circuit and loads itself again.
        await page.WaitForFunctionAsync("() => window.koppelBeforeRestart === undefined", null, new() { Timeout = 90_000 });
        // The freshly started server compiles as it goes: its first circuit takes longer than usual.
        await tab.WaitForCircuitAsync(90_000);
        await Expect(modal).ToBeHiddenAsync();
        await Expect(count).ToHaveTextAsync("0");
        await button.ClickAsync();
        await Expect(count).ToHaveTextAsync("1");
    }
}
