using Koppel.Infrastructure.Tests.Hosting;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Koppel.Portal.Tests.Hosting;

/// <summary>
/// The hub as a separate process (this project's copy of Koppel.Portal.dll) on a free loopback port with a SQLite
/// database in a folder the test owns, so a test can kill it the hard way and start it again on the same data.
/// </summary>
public sealed class ChildHub : IAsyncDisposable
{
    public const string ApiKey = "child-hub-support-key-0123456789";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public Uri BaseUrl { get; }

    private ChildHub(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <param name="settings">Configuration keys ("Scheduler:Enabled") or environment variables (ASPNETCORE_ENVIRONMENT,
    /// which is Development unless given).</param>
    /// <param name="urlsAsVariable">Give the address as ASPNETCORE_URLS, as container platforms do, instead of --urls.</param>
    /// <param name="baseUrl">The address to listen on; a restarted hub takes its predecessor's, since the sandbox
    /// connections stored in its database point there. A free loopback port unless given.</param>
    public static async Task<ChildHub> StartAsync(string dataFolder, IReadOnlyDictionary<string, string> settings, bool urlsAsVariable = false, Uri? baseUrl = null)
    {
        var hub = Launch(dataFolder, settings, urlsAsVariable, baseUrl);
        await hub.WaitUntilServingAsync();
        return hub;
    }

    /// <summary>Starts the hub expecting it to refuse: waits for it to exit and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RefusedAsync(string dataFolder, IReadOnlyDictionary<string, string> settings)
    {
        await using var hub = Launch(dataFolder, settings, urlsAsVariable: false, baseUrl: null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await hub._process.WaitForExitAsync(timeout.Token);
        hub._process.WaitForExit(); // drains the redirected output
        return (hub._process.ExitCode, hub.RecentOutput);
    }

    private static ChildHub Launch(string dataFolder, IReadOnlyDictionary<string, string> settings, bool urlsAsVariable, Uri? baseUrl)
    {
        baseUrl ??= new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = dataFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Koppel.Portal.dll"));
        if (urlsAsVariable) start.Environment["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/');
        else
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Koppel"] = $"Data Source={Path.Combine(dataFolder, "koppel.db")}";
        start.Environment["Admin__ApiKeys__0__Key"] = ApiKey;
        start.Environment["Admin__ApiKeys__0__Tenant"] = "*";
        foreach (var (key, value) in TestKeyRing.Settings.Concat(settings)) start.Environment[key.Replace(":", "__")] = value;

        var hub = new ChildHub(new Process { StartInfo = start }, baseUrl);
        hub._process.OutputDataReceived += (_, e) => hub.Remember(e.Data);
        hub._process.ErrorDataReceived += (_, e) => hub.Remember(e.Data);
        hub._process.Start();
        hub._process.BeginOutputReadLine();
        hub._process.BeginErrorReadLine();
        return hub;
    }

    public HttpClient Api() => new() { BaseAddress = BaseUrl, DefaultRequestHeaders = { { "X-Api-Key", ApiKey } }, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crashed or OOM-killed node.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The hub exited with code {_process.ExitCode}:{Environment.NewLine}{RecentOutput}");
            try
            {
                // Kestrel listens only once start-up (migrations, demo tenant, interrupted runs) is done: any answer will do.
                using var response = await http.GetAsync("/api/v1/tenants");
                return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* listening, still starting */ }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The hub did not serve {BaseUrl}:{Environment.NewLine}{RecentOutput}");
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 300) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
