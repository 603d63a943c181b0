using Koppel.Infrastructure.Tests.Hosting;
using System.Text.Json.Nodes;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Infrastructure.Users;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Browser.Tests.SyncLog;

/// <summary>
/// The real portal in this process on a free loopback port, with the engine's test-shop integration and its
/// emulator added, so the log holds records from real runs: a failing one the store refuses, and ones that went
/// through. One Chromium shows it. Two tenants, so a page can prove it shows only its own tenant's records.
/// </summary>
public sealed class LogPortal : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Tenant = "shop-one";
    public const string OtherTenant = "shop-two";
    public const string Secret = "shop-secret-never-shown-0451";

    private readonly string folder = Directory.CreateTempSubdirectory("koppel-log-browser-").FullName;
    public const string SupportEmail = "support@koppel.test";
    public const string SupportPassword = "Log-support-1";
    public const string CustomerTwoEmail = "buyer@shop-two.test";
    public const string CustomerTwoPassword = "Shop-two-buyer-1";

    private IPlaywright? playwright;
    private IBrowser? chromium;
    private IBrowserContext? browser;

    public LogPortal() => UseKestrel(0);

    /// <summary>Signed in as support staff: every tenant's log is open to it.</summary>
    public IBrowserContext Browser => browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public TestShopSandbox Shop => Services.GetRequiredService<TestShopSandbox>();

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Koppel", $"Data Source={Path.Combine(folder, "koppel.db")}");
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Sandbox:Enabled", "true");
        foreach (var (key, value) in TestKeyRing.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Auth:InitialSupportUser:Email", SupportEmail);
        builder.UseSetting("Auth:InitialSupportUser:Password", SupportPassword);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(TestShopIntegration.Definition);
            services.AddSingleton<TestShopSandbox>();
            services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<TestShopSandbox>());
        });
    }

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("KOPPEL_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new FileNotFoundException($"Chromium not found at {executable}. Install it or set KOPPEL_CHROMIUM.", executable);
        StartServer();
        await SeedAsync();

        await Services.GetRequiredService<CustomerUsers>().CreateAsync(OtherTenant, CustomerTwoEmail, CustomerTwoPassword, default);

        playwright = await Playwright.CreateAsync();
        chromium = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        browser = await SignedInContextAsync(SupportEmail, SupportPassword);
    }

    /// <summary>A browser context of its own, signed in through the sign-in page.</summary>
    public async Task<IBrowserContext> SignedInContextAsync(string email, string password)
    {
        var context = await chromium!.NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            ViewportSize = new() { Width = 1366, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await PortalFixture.FillSignInAsync(page, email, password);
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.CloseAsync();
        return context;
    }

    /// <summary>
    /// Items A-001..A-003 go through; B-100 and R-200 have no name, which the store refuses (the tenant's options
    /// let nameless items through to show it). The other tenant has its own refused record, X-900.
    /// </summary>
    private async Task SeedAsync()
    {
        var tenants = Services.GetRequiredService<TenantService>();
        var shopUrl = new Uri(Address, "sandbox/test-shop/").ToString();
        foreach (var (slug, name) in new[] { (Tenant, "Shop One BV"), (OtherTenant, "Shop Two BV") })
            await tenants.UpsertAsync(slug, new TenantInput(name, "test-shop",
                new() { ["shop"] = new() { ["baseUrl"] = shopUrl, ["apiSecret"] = Secret } },
                new JsonObject { ["pageSize"] = 50, ["skipNameless"] = false }), default);

        // Both tenants read the same emulator: the other tenant's item is gone before this tenant's first run.
        Shop.PutItem("X-900", null, 5m, note: "left at the loading dock");
        await RunAsync(OtherTenant);
        Shop.Reset();
        Shop.PutItem("A-001", "Hinge 80 mm", 4.95m);
        Shop.PutItem("A-002", "Hinge 100 mm", 5.95m);
        Shop.PutItem("A-003", "Door handle", 12.50m);
        Shop.PutItem("B-100", null, 7.25m);
        Shop.PutItem("R-200", null, 9.99m);
        SeedRunId = (await RunAsync(Tenant)).Id;
    }

    /// <summary>The run that logged the seeded items of <see cref="Tenant"/>.</summary>
    public long SeedRunId { get; private set; }

    public Task<SyncRun> RunAsync(string slug) =>
        Services.GetRequiredService<RunLauncher>().RunAsync(slug, "products", new RunRequest(), default);

    /// <summary>Makes the tenant's products flow look held by a run on another node, as a long full run would.</summary>
    public async Task HoldFlowAsync(string slug, bool held)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();
        var tenantId = await db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
        await db.FlowStates.Where(s => s.TenantId == tenantId && s.Flow == "products").ExecuteUpdateAsync(s => s
            .SetProperty(x => x.RunningRunId, held ? -1L : (long?)null)
            .SetProperty(x => x.LeaseUntil, held ? DateTime.UtcNow.AddMinutes(10) : (DateTime?)null));
    }

    /// <summary>Opens the page in a new tab that records browser errors, once the circuit is up.</summary>
    public Task<PortalPage> OpenAsync(string path) => OpenAsync(Browser, path);

    public static async Task<PortalPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        var opened = new PortalPage(page);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"GET {path} answered {response?.Status}.");
        await opened.WaitUntilInteractiveAsync();
        return opened;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (chromium is not null) await chromium.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a file still held open is left to the OS's temp cleanup */ }
    }
}

[CollectionDefinition(Name)]
public sealed class LogPortalCollection : ICollectionFixture<LogPortal>
{
    public const string Name = "Sync log in Chromium";
}
