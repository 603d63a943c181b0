using System.Diagnostics;
using System.Globalization;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Koppel.Benchmarks.Sync;

// Syncs N generated Exact items to Optiply through the emulators over loopback on SQLite, then runs again
// without changes, and prints throughput, HTTP calls per 1,000 records next to the minimum, and memory.
// Usage: dotnet run -c Release --project tests/Benchmarks.Sync -- [items, default 100000]
var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
const string division = "900100";
const string slug = "bench";

await using var hub = await BenchHub.StartAsync();
var exact = hub.Get<ExactOnlineSandbox>();
var optiply = hub.Get<OptiplySandbox>();
exact.RateLimits.MinutelyLimit = int.MaxValue;
exact.RateLimits.DailyLimit = int.MaxValue;
optiply.RequestsPerSecond = 0;

var seeding = Stopwatch.StartNew();
exact.Seed(division, items, seed: 1);
var refreshToken = exact.Connect(division, "bench-app", "bench-secret");
Console.WriteLine($"Seeded {items:N0} Exact items in {seeding.Elapsed.TotalSeconds:F1} s; heap {GC.GetTotalMemory(true) / 1048576.0:N0} MB.");

await hub.Get<TenantService>().UpsertAsync(slug, new TenantInput("Benchmark", ExactOptiplyIntegration.Key, new()
{
    [ExactOnlineConnection.System] = new()
    {
        ["baseUrl"] = ExactOnlineSandbox.BaseUrl(hub.Address), ["clientId"] = "bench-app", ["clientSecret"] = "bench-secret",
        ["refreshToken"] = refreshToken, ["division"] = division,
    },
    [OptiplyAccount.System] = new()
    {
        ["baseUrl"] = OptiplyDemoLogin.BaseUrl(hub.Address), ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(hub.Address),
        ["clientId"] = OptiplyDemoLogin.ClientId, ["clientSecret"] = OptiplyDemoLogin.ClientSecret,
        ["username"] = OptiplyDemoLogin.Username, ["password"] = OptiplyDemoLogin.Password,
        ["accountId"] = OptiplyDemoLogin.AccountId, ["couplingId"] = OptiplyDemoLogin.CouplingId,
    },
}, null), default);

int Rows(string set) => exact.Rows(division, set).Count;
int Pages(int rows, int size) => Math.Max(1, (rows + size - 1) / size);
// Sync endpoints give 1,000 rows a page: items, their prices and stock, plus the Deleted log and the warehouses.
var exactMinimumFirst = Pages(items, 1000) + Pages(Rows(ExactDivision.SalesItemPrices), 1000) + Pages(Rows(ExactDivision.ItemWarehouses), 1000) + 2;

var first = await MeasureAsync("First run (every item new)", exactMinimumFirst, optiplyMinimumWrites: items);
var second = await MeasureAsync("No-change re-run", exactMinimum: 4, optiplyMinimumWrites: 0);

Console.WriteLine();
Console.WriteLine($"Targets: first run >= 1,000 records/s: {(first.RecordsPerSecond >= 1000 ? "met" : "MISSED")}; " +
                  $"no-change re-run <= 15 s with 0 writes: {(second.Seconds <= 15 && second.Writes == 0 ? "met" : "MISSED")}; " +
                  $"peak memory <= 400 MB: {(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0 <= 400 ? "met" : "MISSED (process incl. both emulators' data)")}.");
return;

async Task<Result> MeasureAsync(string title, int exactMinimum, int optiplyMinimumWrites)
{
    var exactBefore = exact.Requests.Count;
    var optiplyReadsBefore = optiply.Requests.Count - optiply.Writes;
    var optiplyWritesBefore = optiply.Writes;
    long heapPeak = 0;
    using var sampler = new Timer(_ => heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false)), null, 0, 100);
    var clock = Stopwatch.StartNew();
    var run = await hub.Get<RunLauncher>().RunAsync(slug, ProductsFlow.Key, new RunRequest(RunMode.Incremental), CancellationToken.None);
    clock.Stop();
    var exactReads = exact.Requests.Count - exactBefore;
    var optiplyReads = optiply.Requests.Count - optiply.Writes - optiplyReadsBefore;
    var optiplyWrites = optiply.Writes - optiplyWritesBefore;
    var perThousand = (double count) => items == 0 ? 0 : count * 1000.0 / items;
    var rate = run.Read / clock.Elapsed.TotalSeconds;
    Console.WriteLine();
    Console.WriteLine($"== {title}: {run.Status}, read {run.Read:N0}, created {run.Created:N0}, updated {run.Updated:N0}, unchanged {run.Unchanged:N0}, failed {run.Failed:N0}");
    Console.WriteLine($"   time {clock.Elapsed.TotalSeconds:F1} s, {rate:N0} records/s");
    Console.WriteLine($"   Exact reads: {exactReads:N0} ({perThousand(exactReads):F2} per 1,000 items; minimum the page sizes allow {exactMinimum:N0} = {perThousand(exactMinimum):F2})");
    Console.WriteLine($"   Optiply reads: {optiplyReads:N0} ({perThousand(optiplyReads):F2} per 1,000), writes: {optiplyWrites:N0} ({perThousand(optiplyWrites):F2} per 1,000; minimum {perThousand(optiplyMinimumWrites):F2})");
    Console.WriteLine($"   peak memory: process {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB (hub and both emulators with all their data), managed heap {heapPeak / 1048576.0:N0} MB");
    return new Result(clock.Elapsed.TotalSeconds, rate, optiplyWrites);
}

internal sealed record Result(double Seconds, double RecordsPerSecond, int Writes);
