using System.Data.Common;
using Koppel.Infrastructure;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sandbox;
using Koppel.Infrastructure.Tests.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koppel.Benchmarks.Scheduler;

/// <summary>A hub with the test-shop integration: the coordinator's (emulator, no scheduler) or a node's (scheduler on).</summary>
public sealed class SchedulerHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SchedulerHub(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }
    public WriteCounter Writes => Get<WriteCounter>();
    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<SchedulerHub> StartAsync(string provider, string connectionString, string? node, int maxParallelRuns)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Koppel"] = connectionString,
            ["Scheduler:Enabled"] = node is null ? "false" : "true",
            ["Scheduler:Node"] = node ?? "coordinator",
            ["Scheduler:PollSeconds"] = "1",
            ["Scheduler:MaxParallelRuns"] = maxParallelRuns.ToString(),
            ["Demo:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(Koppel.Infrastructure.Tests.Hosting.TestKeyRing.Settings!);
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKoppel(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<WriteCounter>();
        builder.Services.ConfigureDbContext<KoppelDb>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WriteCounter>()));
        builder.Services.AddSingleton(TestShopIntegration.Definition);
        builder.Services.AddSingleton<TestShopSandbox>();
        builder.Services.AddSingleton<SandboxSystem>(sp => sp.GetRequiredService<TestShopSandbox>());
        var app = builder.Build();
        app.MapSandboxSystems(_ => true);
        await app.Services.InitializeKoppelAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SchedulerHub(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Counts the statements that write (INSERT, UPDATE, DELETE) this process sends to the database.</summary>
public sealed class WriteCounter : DbCommandInterceptor
{
    private long _writes;
    public long Writes => Interlocked.Read(ref _writes);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        Count(command);
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Count(command);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    private void Count(DbCommand command)
    {
        // A batch (SaveChanges) is one round trip but may hold several statements: count the statements.
        foreach (var statement in command.CommandText.Split(';'))
        {
            var text = statement.TrimStart();
            if (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
                Interlocked.Increment(ref _writes);
        }
    }
}
