using Koppel.Infrastructure;
using Koppel.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koppel.Benchmarks.Sync;

/// <summary>The hub on a fresh SQLite file with its request budgets lifted; the emulators run in another process.</summary>
public sealed class BenchHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private BenchHub(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }
    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<BenchHub> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("koppel-bench-").FullName;
        // Development: the key ring needs no certificate there, and encrypting a handful of keys is not what is measured.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Koppel"] = $"Data Source={Path.Combine(folder, "koppel.db")}",
            ["Scheduler:Enabled"] = "false",
            ["Demo:Enabled"] = "false",
        });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKoppel(builder.Configuration, builder.Environment);
        // What is measured is the hub, not the documented limits of Exact and Optiply (see README).
        builder.Services.AddSingleton(sp => new ConnectorHttp(sp.GetRequiredService<ILoggerFactory>(), unthrottled: true));
        var app = builder.Build();
        await app.Services.InitializeKoppelAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHub(app, folder, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
