using Koppel.Infrastructure.Tests.Hosting;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Koppel.Browser.Tests;

/// <summary>
/// The real portal as a separate process on a free loopback port, with its own empty SQLite database,
/// the sandboxes and demo tenants on, and the scheduler off so pages stay still while tests look at them.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    private Process process;
    private readonly ConcurrentQueue<string> output = new();

    private PortalServer(Process process, Uri baseUrl, string dataFolder)
    {
        this.process = process;
        BaseUrl = baseUrl;
        DataFolder = dataFolder;
    }

    /// <summary>The support user the portal creates on its first start (Auth:InitialSupportUser).</summary>
    public const string SupportEmail = "support@koppel.test";
    public const string SupportPassword = "Browser-support-1";

    /// <summary>An all-tenant admin API key, for tests that set up data through the API.</summary>
    public const string SupportApiKey = "browser-tests-support-key-0123456789";

    public Uri BaseUrl { get; }

    /// <summary>The portal's SQLite database, for tests that put data in place the way the hub stores it.</summary>
    public string ConnectionString => $"Data Source={Path.Combine(DataFolder, "koppel.db")}";

    public string DataFolder { get; }

    /// <summary>The last lines the portal wrote to stdout and stderr, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, output);

    public static async Task<PortalServer> StartAsync()
    {
        var dll = RepositoryPaths.PortalDll;
        if (!File.Exists(dll))
            throw new FileNotFoundException($"The portal is not built: {dll} is missing. Build Portal.sln first.", dll);

        var dataFolder = Directory.CreateTempSubdirectory("koppel-browser-").FullName;
        var baseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Koppel"] = $"Data Source={Path.Combine(dataFolder, "koppel.db")}";
        start.Environment["Scheduler__Enabled"] = "false";
        // Outside Development the demo and the emulators are off unless switched on, as an operator would here.
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Sandbox__Enabled"] = "true";
        foreach (var (key, value) in TestKeyRing.Settings) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["Auth__InitialSupportUser__Email"] = SupportEmail;
        start.Environment["Auth__InitialSupportUser__Password"] = SupportPassword;
        start.Environment["Admin__ApiKeys__0__Key"] = SupportApiKey;
        start.Environment["Admin__ApiKeys__0__Tenant"] = "*";

        var server = new PortalServer(new Process { StartInfo = start }, baseUrl, dataFolder);
        server.process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilServingAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} before serving:{Environment.NewLine}{RecentOutput}");
            try
            {
                using var response = await http.GetAsync("/signin");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but still starting up.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The portal did not serve {BaseUrl} within {StartupTimeout.TotalSeconds} s:{Environment.NewLine}{RecentOutput}");
    }

    /// <summary>
    /// Kills the portal and starts it again on the same address and database, as a crash or a deploy would:
    /// open pages lose their circuit and have to find their way back by themselves.
    /// </summary>
    public async Task RestartAsync()
    {
        var start = process.StartInfo;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilServingAsync();
    }

    private void Remember(string? line)
    {
        if (line is null)
            return;
        output.Enqueue(line);
        while (output.Count > 200)
            output.TryDequeue(out _);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleanup.
        }
    }
}
