using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Browser.Tests;

/// <summary>
/// One running portal and one headless Debian Chromium, shared by the browser tests (they run one after another).
/// <see cref="Browser"/> is a browser context signed in as the support user; <see cref="NewContextAsync"/> gives a
/// fresh one with its own cookies for another user. Missing Chromium is a failure, never a skip: CI must prove the UI works.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;
    private IBrowser? chromium;
    private IBrowserContext? support;
    private PortalServer? server;

    public PortalServer Server => server ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The support user's browser context: every page of the portal is open to it.</summary>
    public IBrowserContext Browser => support ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("KOPPEL_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new FileNotFoundException($"Chromium not found at {executable}. Install it (apt-get install chromium) or set KOPPEL_CHROMIUM; ./test.sh does this.", executable);

        server = await PortalServer.StartAsync();
        playwright = await Playwright.CreateAsync();
        chromium = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ChromiumFlags });
        support = await NewContextAsync();
        await SignInAsync(support, PortalServer.SupportEmail, PortalServer.SupportPassword);
    }

    /// <summary>A browser context with no cookies: nobody is signed in until <see cref="SignInAsync"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await (chromium ?? throw new InvalidOperationException("The fixture is not initialized.")).NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl.ToString(),
            ViewportSize = new() { Width = 1366, Height = 800 },
        });
        // Generous: CI machines run several builds at once, and a sign-in (password hashing) is slow on a busy one.
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>Signs in through the sign-in page and returns once the portal has moved on to the user's landing page.</summary>
    public async Task SignInAsync(IBrowserContext context, string email, string password)
    {
        var page = await context.NewPageAsync();
        try
        {
            await FillSignInAsync(page, email, password);
            // Commit, not load: a landing page that is not built yet answers 404 without a body.
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.Commit });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Opens the sign-in page in <paramref name="page"/> and submits the form.</summary>
    public static async Task FillSignInAsync(IPage page, string email, string password, string path = "/signin")
    {
        await page.GotoAsync(path);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>
    /// Puts a tenant into the portal's database the way the hub stores it (no connections yet), for pages that list
    /// tenants. The portal reads it on the next request: nothing is cached.
    /// </summary>
    public async Task CreateTenantAsync(string slug, string name, string integration = "exact-optiply")
    {
        await using var db = new KoppelDb(new DbContextOptionsBuilder<KoppelDb>().UseSqlite(Server.ConnectionString).Options);
        if (await db.Tenants.AnyAsync(t => t.Slug == slug)) return;
        var now = DateTime.UtcNow;
        db.Tenants.Add(new Tenant { Slug = slug, Name = name, Integration = integration, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Creates a customer user of the tenant through the Users page, as support staff would.</summary>
    public async Task CreateCustomerAsync(string tenantSlug, string email, string password)
    {
        var tab = await OpenAsync($"/users?tenant={tenantSlug}");
        try
        {
            await tab.Page.GetByLabel("Email").FillAsync(email);
            await tab.Page.GetByLabel("Initial password").FillAsync(password);
            await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
            await Expect(tab.Page.Locator("#users-message")).ToContainTextAsync($"{email} can now sign in");
        }
        finally
        {
            await tab.Page.CloseAsync();
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> in a new tab of the support context that records the browser console's errors,
    /// and returns once the page is interactive (a click before that can be lost); <paramref name="beforeNavigation"/>
    /// can set up routes the page must use from its first request.
    /// </summary>
    public Task<PortalPage> OpenAsync(string path, Func<IPage, Task>? beforeNavigation = null) => OpenAsync(Browser, path, beforeNavigation);

    /// <summary>Like <see cref="OpenAsync(string, Func{IPage, Task}?)"/>, in the given user's context.</summary>
    public static async Task<PortalPage> OpenAsync(IBrowserContext context, string path, Func<IPage, Task>? beforeNavigation = null)
    {
        var page = await context.NewPageAsync();
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
        if (chromium is not null)
            await chromium.CloseAsync();
        playwright?.Dispose();
        if (server is not null)
            await server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal in Chromium";
}
