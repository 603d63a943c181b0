using Koppel.Infrastructure;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Tests.Hosting;

/// <summary>
/// The hub's services and sandboxes in a real Kestrel server on a free loopback port, with a fresh database:
/// connectors talk to the emulators over real HTTP, exactly as in production against the real systems.
/// </summary>
public sealed class TestHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _folder;

    public IServiceProvider Services => _app.Services;
    public Uri BaseAddress { get; }

    private TestHub(WebApplication app, Uri baseAddress, string? folder)
    {
        _app = app;
        BaseAddress = baseAddress;
        _folder = folder;
    }

    /// <param name="configure">Registers the integrations, sandboxes and demo tenants the test needs.</param>
    /// <param name="connectionString">A database of the test's own (e.g. PostgreSQL); by default a fresh SQLite file.</param>
    public static async Task<TestHub> StartAsync(Action<IServiceCollection> configure, string provider = "Sqlite", string? connectionString = null, bool scheduler = false,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        string? folder = null;
        if (connectionString is null)
        {
            folder = Path.Combine(Path.GetTempPath(), "koppel-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "koppel.db")}";
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Koppel"] = connectionString,
            ["Scheduler:Enabled"] = scheduler ? "true" : "false",
            ["Demo:Enabled"] = "false",
            ["Auth:InitialSupportUser:Email"] = "support@test.local",
            ["Auth:InitialSupportUser:Password"] = "Test-support-1",
            // Tests wait for scheduled runs: look for due flows every second instead of every five.
            ["Scheduler:PollSeconds"] = "1",
        });
        // Outside Development (which this is) the hub wants a certificate for its key ring, as in production.
        builder.Configuration.AddInMemoryCollection(TestKeyRing.Settings!);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(CapturedLog.Provider).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddKoppel(builder.Configuration, builder.Environment);
        configure(builder.Services);
        var app = builder.Build();
        app.MapSandboxSystems(_ => true);
        await app.Services.InitializeKoppelAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHub(app, new Uri(address), folder);
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async Task<KoppelDb> DbAsync() => await Get<IDbContextFactory<KoppelDb>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
