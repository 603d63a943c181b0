using Koppel.Infrastructure;
using Koppel.Infrastructure.Http;
using Koppel.Infrastructure.Sandbox;
using Koppel.Portal.Api.Hooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koppel.Benchmarks.Webhooks;

/// <summary>
/// The hub on a fresh SQLite file with the portal's webhook intake and the emulators on the same loopback server.
/// The emulators stay in process because the end-to-end latency ends at the Optiply emulator's answer to the write,
/// which <see cref="OptiplyWriteClock"/> stamps as it leaves.
/// </summary>
public sealed class HookHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private HookHub(WebApplication app, string folder, Uri address, OptiplyWriteClock writes)
    {
        _app = app;
        _folder = folder;
        Address = address;
        Writes = writes;
    }

    public Uri Address { get; }
    public OptiplyWriteClock Writes { get; }
    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<HookHub> StartAsync(int parallelism)
    {
        var folder = Directory.CreateTempSubdirectory("koppel-hooks-bench-").FullName;
        // Development: the key ring needs no certificate there, and encrypting a handful of keys is not what is measured.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Koppel"] = $"Data Source={Path.Combine(folder, "koppel.db")}",
            // Webhook intake and its queue work without the scheduler; the benchmark shows that they do.
            ["Scheduler:Enabled"] = "false",
            ["Demo:Enabled"] = "false",
            ["Sync:WebhookParallelism"] = parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKoppel(builder.Configuration, builder.Environment);
        // What is measured is the hub, not GoedGepickt's documented 150 calls a minute (see README).
        builder.Services.AddSingleton(sp => new ConnectorHttp(sp.GetRequiredService<ILoggerFactory>(), unthrottled: true));
        var app = builder.Build();
        var writes = new OptiplyWriteClock();
        app.Use(writes.Middleware);
        app.MapSandboxSystems(_ => true);
        app.MapHooks();
        await app.Services.InitializeKoppelAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HookHub(app, folder, new Uri(address), writes);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
