using System.Net.Http.Headers;
using Koppel.Domain.Quota;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests;

/// <summary>
/// The real portal (Program) on Kestrel at a free loopback port, with a fresh SQLite file, two admin keys
/// (all tenants, and one for tenant "alpha") and the test-shop integration and emulator added.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    public const string SupportKey = "support-key-0123456789abcdef";
    public const string AlphaKey = "alpha-key-0123456789abcdef";
    public const string SupportEmail = "support@koppel.test";
    public const string SupportPassword = "Support-pass-1";

    private readonly string _folder = Directory.CreateTempSubdirectory("koppel-api-").FullName;

    private readonly IReadOnlyDictionary<string, string> _settings;

    public ApiHost() : this(new Dictionary<string, string>()) { }

    /// <summary>A host with configuration on top of its own, e.g. a feature switched on for one test class.</summary>
    /// <remarks>A factory method, because xunit wants one public constructor on a class fixture.</remarks>
    public static ApiHost With(IReadOnlyDictionary<string, string> settings) => new(settings);

    private ApiHost(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Koppel", $"Data Source={Path.Combine(_folder, "koppel.db")}");
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Admin:ApiKeys:0:Key", SupportKey);
        builder.UseSetting("Admin:ApiKeys:0:Tenant", "*");
        builder.UseSetting("Admin:ApiKeys:1:Key", AlphaKey);
        builder.UseSetting("Admin:ApiKeys:1:Tenant", "alpha");
        builder.UseSetting("Auth:InitialSupportUser:Email", SupportEmail);
        builder.UseSetting("Auth:InitialSupportUser:Password", SupportPassword);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(TestShopIntegration.Definition);
            // The test shop declares a budget as a connector does, so the quota answer has a limit to show.
            services.AddSingleton(TestShopQuota);
            services.AddSingleton<TestShopSandbox>();
            services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<TestShopSandbox>());
        });
    }

    public static readonly SystemQuota TestShopQuota = new("shop", "Test shop",
        [new QuotaBudget(100_000, 1, QuotaUnit.Day, QuotaCounting.Calendar, "test declaration")]);

    public HttpClient Client(string? key)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public TestShopSandbox Shop => Services.GetRequiredService<TestShopSandbox>();

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public string ShopUrl => new Uri(Address, "sandbox/test-shop/").ToString();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
