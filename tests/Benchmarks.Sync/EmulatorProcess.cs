using System.Diagnostics;
using System.Reflection;
using Koppel.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Koppel.Benchmarks.Sync;

/// <summary>
/// A benchmark's emulators in a child process of their own, so the hub's memory is measured without the emulators'
/// data. The benchmark starts its own program again with <see cref="Flag"/>; that child serves the sandboxes and the
/// benchmark's own calls (set-up, call counts) on a loopback port it prints, until the benchmark closes its input.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    public const string Flag = "--emulators";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Control = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
    }

    public Uri Address { get; }

    /// <summary>For the benchmark's own calls to the child (seeding can take minutes).</summary>
    public HttpClient Control { get; }

    /// <summary>Starts the benchmark's program as the emulators' child and waits for its address.</summary>
    public static async Task<EmulatorProcess> StartAsync(Assembly benchmark)
    {
        var process = Process.Start(new ProcessStartInfo("dotnet", [benchmark.Location, Flag])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        var address = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The emulators did not start.");
        return new EmulatorProcess(process, new Uri(address));
    }

    /// <summary>In the child: serves the systems <paramref name="addSystems"/> registers and the calls <paramref name="mapCalls"/> maps.</summary>
    public static async Task ServeAsync(Action<IServiceCollection> addSystems, Action<WebApplication> mapCalls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SandboxFaults>();
        addSystems(builder.Services);
        var app = builder.Build();
        app.MapSandboxSystems(_ => true);
        mapCalls(app);

        await app.StartAsync();
        Console.WriteLine(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        // Runs until the benchmark closes our input (or exits and takes us down with it).
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
