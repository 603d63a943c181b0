using System.Diagnostics;
using System.Text.Json;

namespace Koppel.Benchmarks.Scheduler;

/// <summary>What one node measured about itself.</summary>
public sealed record NodeReport(string Node, double CpuSeconds, long PeakWorkingSetBytes, long Writes);

/// <summary>A node: the hub with its scheduler on, until the coordinator writes "stop" on its standard input.</summary>
public static class Node
{
    public static async Task RunAsync(BenchOptions options)
    {
        await using var hub = await SchedulerHub.StartAsync(options.Provider, options.Database!, options.Node, BenchOptions.MaxParallelRuns);
        var process = Process.GetCurrentProcess();
        var cpuAtStart = process.TotalProcessorTime;
        var writesAtStart = hub.Writes.Writes;
        Console.WriteLine("READY");
        while (await Console.In.ReadLineAsync() is { } line && line != "stop") { }
        process.Refresh();
        var report = new NodeReport(options.Node!, (process.TotalProcessorTime - cpuAtStart).TotalSeconds, process.PeakWorkingSet64, hub.Writes.Writes - writesAtStart);
        Console.WriteLine("REPORT " + JsonSerializer.Serialize(report));
    }
}

/// <summary>A node as a child process of the coordinator.</summary>
public sealed class NodeProcess
{
    private readonly Process _process;
    private readonly TaskCompletionSource<NodeReport> _report = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process) => _process = process;

    public static NodeProcess Start(BenchOptions options, string database, string name)
    {
        var self = typeof(NodeProcess).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { self, "--node", name, "--provider", options.Provider, "--database", database }) start.ArgumentList.Add(arg);
        var node = new NodeProcess(Process.Start(start)!);
        node._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("REPORT ") == true) node._report.TrySetResult(JsonSerializer.Deserialize<NodeReport>(e.Data["REPORT ".Length..])!);
            else if (e.Data is { Length: > 0 } line && line != "READY") Console.WriteLine($"  [{name}] {line}");
        };
        node._process.BeginOutputReadLine();
        return node;
    }

    public async Task<NodeReport> StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        var report = await _report.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync();
        return report;
    }
}
