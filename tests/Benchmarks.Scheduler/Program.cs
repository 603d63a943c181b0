using System.Diagnostics;
using Koppel.Benchmarks.Scheduler;

// Scheduler scale: N tenants of the test-shop integration, each flow on a 5-minute schedule, for a while.
//   dotnet run -c Release --project tests/Benchmarks.Scheduler -- [--tenants 1000] [--minutes 15] [--nodes 1|2]
//     [--provider Sqlite|PostgreSql] [--postgres "Host=...;Username=...;Password=..."]
// The coordinator (this process) hosts the emulator, sets the tenants up (first run done, so every measured run is a
// no-change run) and reads the results from the database; the nodes are child processes running only the hub.
var options = BenchOptions.Parse(args);
if (options.Node is not null)
{
    await Node.RunAsync(options);
    return;
}

Console.WriteLine($"Scheduler benchmark: {options.Tenants:N0} tenants, 5-minute schedules, {options.Minutes} min, {options.Nodes} node(s) on {options.Provider}");
await using var database = await BenchDatabase.CreateAsync(options);
await using var coordinator = await SchedulerHub.StartAsync(options.Provider, database.ConnectionString, node: null, maxParallelRuns: 1);
var setup = Stopwatch.StartNew();
var anchors = await Tenants.SetUpAsync(coordinator, options.Tenants);
Console.WriteLine($"Set up {options.Tenants:N0} tenants with their first run in {setup.Elapsed.TotalSeconds:N0} s");

var nodes = Enumerable.Range(1, options.Nodes).Select(i => NodeProcess.Start(options, database.ConnectionString, $"node-{i}")).ToList();
var measuring = DateTime.UtcNow;
await Task.Delay(TimeSpan.FromMinutes(options.Minutes));
var reports = new List<NodeReport>();
foreach (var node in nodes) reports.Add(await node.StopAsync());

await Report.PrintAsync(coordinator, anchors, measuring, options, reports);
