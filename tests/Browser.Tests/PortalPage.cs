namespace Koppel.Browser.Tests;

/// <summary>A browser tab on the portal that remembers what the page reported as errors.</summary>
public sealed class PortalPage
{
    private readonly List<string> errors = [];

    public PortalPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) => errors.Add($"uncaught: {error}");
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors => errors;

    /// <summary>Waits for the layout's marker, set in its first OnAfterRender, which runs only once the circuit is up.</summary>
    public Task WaitUntilInteractiveAsync() =>
        Page.Locator(".koppel-shell[data-interactive='true']").WaitForAsync(new() { Timeout = 30_000 });

    /// <summary>Waits for the marker that the circuit check page sets once it is interactive; events before that would be lost.</summary>
    public Task WaitForCircuitAsync(float timeoutMilliseconds = 30_000) =>
        Page.Locator("#circuit-ready[data-ready='true']").WaitForAsync(new() { Timeout = timeoutMilliseconds });

    public Task ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, name);

    public void AssertNoErrors() =>
        Assert.True(errors.Count == 0, "The browser reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
}
