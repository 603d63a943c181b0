using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Koppel.Benchmarks.Sync;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Integrations.ExactOptiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;

// Syncs N generated Exact items to Optiply through the emulators over loopback on SQLite, then runs again
// without changes, then makes the first run's calls with a bare client (the floor), and prints throughput, KB allocated
// per record, the first run's time as a ratio of the floor's, HTTP calls per 1,000 records next to the minimum, and the hub's
// peak memory (the emulators run in a child process and are not counted).
// Usage: dotnet run -c Release --project tests/Benchmarks.Sync -- [items, default 100000] [--memory] [--allocations]
if (args.Contains(EmulatorProcess.Flag))
{
    await EmulatorHost.RunAsync();
    return;
}
var items = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
const string division = "900100";
const string slug = "bench";

await using var emulators = await EmulatorProcess.StartAsync(typeof(EmulatorHost).Assembly);
var (emulatorAddress, control) = (emulators.Address, emulators.Control);

await using var hub = await BenchHub.StartAsync();
var seeding = Stopwatch.StartNew();
using var setupAnswer = await control.PostAsync($"bench/setup?division={division}&items={items}&clientId=bench-app&clientSecret=bench-secret", null);
var setup = (await setupAnswer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Setup>())!;
Console.WriteLine($"Seeded {items:N0} Exact items ({setup.PriceRows:N0} prices, {setup.StockRows:N0} stock rows) in {seeding.Elapsed.TotalSeconds:F1} s.");

await AddTenantAsync(slug, division, setup.RefreshToken, OptiplyDemoLogin.Username, OptiplyDemoLogin.Password, OptiplyDemoLogin.AccountId);

// Warm-up, not measured: a hub that has been running has its code compiled and tiered up, so the first run's JIT work
// (about a quarter of its processor time at 10,000 items) is left out of both the hub's figures and the floor's.
const int warmUpItems = 30_000;
var warmUp = await OwnAccountAsync("900300", "2003", warmUpItems);
await AddTenantAsync("warm-up", "900300", warmUp.RefreshToken, warmUp.Username, warmUp.Password, "2003");
await hub.Get<RunLauncher>().RunAsync("warm-up", ProductsFlow.Key, new RunRequest(RunMode.Incremental), CancellationToken.None);
await new FloorClient(emulatorAddress, hub.Get<SyncOptions>().Parallelism)
    .RunAsync("900400", "2004", await OwnAccountAsync("900400", "2004", warmUpItems), CancellationToken.None);
Console.WriteLine($"Warmed up on {warmUpItems:N0} items (hub run and bare client, not measured).");

Console.WriteLine($"Hub idle before the first run: working set {Environment.WorkingSet / 1048576.0:N0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB.");

static int Pages(int rows, int size) => Math.Max(1, (rows + size - 1) / size);
// Sync endpoints give 1,000 rows a page: items, their prices and their stock, plus the Deleted log and the warehouses.
var first = await MeasureAsync("First run (every item new)", Pages(items, 1000) + Pages(setup.PriceRows, 1000) + Pages(setup.StockRows, 1000) + 2, items);
// One page each of the items, prices, stock and Deleted sync endpoints; nothing to write.
var second = await MeasureAsync("No-change re-run", 4, 0);

// The floor: the same calls by a bare client, on a division and account of the same size that hold nothing yet.
const string floorDivision = "900200", floorAccount = "2002";
var floorLogin = await OwnAccountAsync(floorDivision, floorAccount, items);
var floorAllocatedBefore = GC.GetTotalAllocatedBytes();
var floorCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var floorClock = Stopwatch.StartNew();
var (floorReads, floorWrites) = await new FloorClient(emulatorAddress, hub.Get<SyncOptions>().Parallelism).RunAsync(floorDivision, floorAccount, floorLogin, CancellationToken.None);
floorClock.Stop();
var floorRatio = first.Seconds / floorClock.Elapsed.TotalSeconds;
Console.WriteLine();
Console.WriteLine($"== Floor (bare HTTP client, no mapping or persistence): {floorReads:N0} Exact reads, {floorWrites:N0} Optiply writes in {floorClock.Elapsed.TotalSeconds:F1} s, " +
                  $"{(GC.GetTotalAllocatedBytes() - floorAllocatedBefore) / 1024.0 / floorWrites:N1} KB allocated per record, " +
                  $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - floorCpuBefore).TotalSeconds:F1} s");
Console.WriteLine($"   floor ratio (hub first run / floor): {floorRatio:F2}x, target <= 1.5x: {Verdict(floorRatio <= 1.5)}");

var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
Console.WriteLine();
Console.WriteLine($"Hub peak memory (working set, whole benchmark): {peakMb:N0} MB");
Console.WriteLine($"Targets: first run >= 1,000 records/s: {Verdict(first.RecordsPerSecond >= 1000)}; " +
                  $"no-change re-run <= 15 s with 0 writes: {Verdict(second.Seconds <= 15 && second.Writes == 0)}; " +
                  $"peak memory <= 400 MB: {Verdict(peakMb <= 400)}; first run <= 30 KB per record: {Verdict(first.KbPerRecord <= 30)}; " +
                  $"floor ratio <= 1.5x: {Verdict(floorRatio <= 1.5)}; read calls = minimum: {Verdict(first.ExactReadsAtMinimum && second.ExactReadsAtMinimum)}.");
return;

static string Verdict(bool met) => met ? "met" : "MISSED";

// A division and Optiply account of their own, seeded like the measured one (see EmulatorHost's floor-setup).
async Task<FloorSetup> OwnAccountAsync(string exactDivision, string account, int size)
{
    using var answer = await control.PostAsync($"bench/floor-setup?division={exactDivision}&items={size}&clientId=bench-app&clientSecret=bench-secret&account={account}", null);
    return (await answer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<FloorSetup>())!;
}

Task AddTenantAsync(string tenant, string exactDivision, string refreshToken, string optiplyUser, string optiplyPassword, string account) =>
    hub.Get<TenantService>().UpsertAsync(tenant, new TenantInput(tenant, ExactOptiplyIntegration.Key, new()
    {
        [ExactOnlineConnection.System] = new()
        {
            ["baseUrl"] = ExactOnlineSandbox.BaseUrl(emulatorAddress), ["clientId"] = "bench-app", ["clientSecret"] = "bench-secret",
            ["refreshToken"] = refreshToken, ["division"] = exactDivision,
        },
        [OptiplyAccount.System] = new()
        {
            ["baseUrl"] = OptiplyDemoLogin.BaseUrl(emulatorAddress), ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(emulatorAddress),
            ["clientId"] = OptiplyDemoLogin.ClientId, ["clientSecret"] = OptiplyDemoLogin.ClientSecret,
            ["username"] = optiplyUser, ["password"] = optiplyPassword,
            ["accountId"] = account, ["couplingId"] = OptiplyDemoLogin.CouplingId,
        },
    }, null), default);

async Task<Result> MeasureAsync(string title, int exactMinimum, int optiplyMinimumWrites)
{
    var before = (await control.GetFromJsonAsync<Calls>("bench/calls"))!;
    var allocatedBefore = GC.GetTotalAllocatedBytes();
    var (gen0, gen1, gen2, pausedBefore) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    // The hub's processor time next to the wall time tells whether a run computes or waits (the emulators are elsewhere).
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var sampler = new MemorySampler(TimeSpan.FromSeconds(1), args.Contains("--memory"));
    using var types = args.Contains("--allocations") ? new AllocationSampler() : null;
    types?.Start();
    var run = await hub.Get<RunLauncher>().RunAsync(slug, ProductsFlow.Key, new RunRequest(RunMode.Incremental), CancellationToken.None);
    clock.Stop();
    await sampler.DisposeAsync();
    foreach (var (type, mb, share) in types?.Stop(25) ?? [])
        Console.WriteLine($"   allocated {mb,8:N0} MB {share,6:P1}  {type}");
    var after = (await control.GetFromJsonAsync<Calls>("bench/calls"))!;
    var (exactReads, optiplyReads, optiplyWrites) = (after.ExactReads - before.ExactReads, after.OptiplyReads - before.OptiplyReads, after.OptiplyWrites - before.OptiplyWrites);
    string PerThousand(int count) => (count * 1000.0 / items).ToString("F2", CultureInfo.InvariantCulture);
    var rate = run.Read / clock.Elapsed.TotalSeconds;
    Console.WriteLine();
    Console.WriteLine($"== {title}: {run.Status}, read {run.Read:N0}, created {run.Created:N0}, updated {run.Updated:N0}, failed {run.Failed:N0}");
    var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
    Console.WriteLine($"   time {clock.Elapsed.TotalSeconds:F1} s, {rate:N0} records/s, " +
                      (run.Read > 0 ? $"{allocated / 1024.0 / run.Read:N1} KB allocated per record" : $"{allocated / 1048576.0:N1} MB allocated") +
                      $", managed heap peak {sampler.PeakHeapMb:N0} MB, hub CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F1} s");
    Console.WriteLine($"   garbage collections: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2, " +
                      $"paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:N0} ms");
    Console.WriteLine($"   Exact reads {exactReads:N0} = {PerThousand(exactReads)} per 1,000 items (minimum the page sizes allow: {exactMinimum:N0} = {PerThousand(exactMinimum)})");
    Console.WriteLine($"   Optiply reads {optiplyReads:N0} = {PerThousand(optiplyReads)} per 1,000; writes {optiplyWrites:N0} = {PerThousand(optiplyWrites)} per 1,000 (minimum {PerThousand(optiplyMinimumWrites)})");
    var endpoints = (await control.GetFromJsonAsync<Dictionary<string, int>>("bench/exact-endpoints"))!;
    Console.WriteLine($"   Exact calls so far by endpoint: {string.Join(", ", endpoints.Select(e => $"{e.Key} {e.Value}"))}");
    Console.WriteLine($"   hub peak memory so far: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
    return new Result(clock.Elapsed.TotalSeconds, rate, optiplyWrites, exactReads <= exactMinimum, run.Read > 0 ? allocated / 1024.0 / run.Read : 0);
}

internal sealed record Result(double Seconds, double RecordsPerSecond, int Writes, bool ExactReadsAtMinimum, double KbPerRecord);
