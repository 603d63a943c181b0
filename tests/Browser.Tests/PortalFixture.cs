namespace Koppel.Browser.Tests;

/// <summary>
/// One running portal and one headless Debian Chromium, shared by the browser tests (they run one after another).
/// Missing Chromium is a failure, never a skip: CI must prove the UI works.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;
    private IBrowserContext? browser;
    private PortalServer? server;
    private string? profileFolder;

    public PortalServer Server => server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IBrowserContext Browser => browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("KOPPEL_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new FileNotFoundException($"Chromium not found at {chromium}. Install it (apt-get install chromium) or set KOPPEL_CHROMIUM; ./test.sh does this.", chromium);

        server = await PortalServer.StartAsync();
        playwright = await Playwright.CreateAsync();
        profileFolder = Directory.CreateTempSubdirectory("koppel-chromium-").FullName;
        browser = await playwright.Chromium.LaunchPersistentContextAsync(profileFolder, new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumFlags,
            BaseURL = server.BaseUrl.ToString(),
            ViewportSize = new() { Width = 1366, Height = 800 },
        });
        browser.SetDefaultTimeout(15_000);
    }

    /// <summary>
    /// Opens <paramref name="path"/> in a new tab that records the browser console's errors, and returns once the
    /// page is interactive (a click before that can be lost); <paramref name="beforeNavigation"/> can set up routes
    /// the page must use from its first request.
    /// </summary>
    public async Task<PortalPage> OpenAsync(string path, Func<IPage, Task>? beforeNavigation = null)
    {
        var page = await Browser.NewPageAsync();
        var opened = new PortalPage(page);
        if (beforeNavigation is not null)
            await beforeNavigation(page);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"GET {path} answered {response?.Status}.");
        await opened.WaitUntilInteractiveAsync();
        return opened;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.CloseAsync();
        playwright?.Dispose();
        if (server is not null)
            await server.DisposeAsync();
        if (profileFolder is not null)
        {
            try { Directory.Delete(profileFolder, recursive: true); }
            catch (IOException) { /* Chromium may still be flushing its profile; temp cleanup takes it. */ }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal in Chromium";
}
