using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Benchmarks.MoySklad;
using Koppel.Benchmarks.Sync;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.MoySklad.Sandbox;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Connectors.Planfix.Sandbox;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;

// Syncs N generated MoySklad products with their stock to the Planfix product directory through the emulators over
// loopback on SQLite (the products flow's first run), then runs again without changes, and prints products/s, the calls
// per 1,000 products next to the minimum, a forecast of the wall time at the real limits (MoySklad: a user token's call
// weighs 4 of 45 units per 3 s, about 11 calls per 3 s; Planfix: 1 request a second, one write per entry), and the hub's
// peak memory (the emulators run in a child process and are not counted).
// Usage: dotnet run -c Release --project tests/Benchmarks.MoySklad -- [products, default 20000] [--memory]
if (args.Contains(EmulatorProcess.Flag))
{
    await EmulatorHost.RunAsync();
    return;
}
var products = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
const string slug = "bench";

await using var emulators = await EmulatorProcess.StartAsync(typeof(EmulatorHost).Assembly);
var (emulatorAddress, control) = (emulators.Address, emulators.Control);

await using var hub = await BenchHub.StartAsync();
var seeding = Stopwatch.StartNew();
using var setupAnswer = await control.PostAsync($"bench/setup?products={products}", null);
var setup = (await setupAnswer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Setup>())!;
Console.WriteLine($"Seeded {products:N0} MoySklad products with stock, and a Planfix directory, in {seeding.Elapsed.TotalSeconds:F1} s.");

await hub.Get<TenantService>().UpsertAsync(slug, new TenantInput("Benchmark", MoySkladPlanfixIntegration.Key, new()
{
    [MoySkladConnection.System] = new() { ["baseUrl"] = MoySkladSandbox.BaseUrl(emulatorAddress), ["token"] = EmulatorHost.MoySkladToken },
    [PlanfixConnection.System] = new() { ["baseUrl"] = PlanfixSandbox.BaseUrl(emulatorAddress), ["token"] = EmulatorHost.PlanfixToken },
}, new JsonObject
{
    ["planfix"] = new JsonObject { ["productDirectoryId"] = setup.DirectoryId },
    ["products"] = new JsonObject { ["priceTypes"] = new JsonArray(EmulatorHost.PriceTypes.Select(p => (JsonNode)p).ToArray()) },
}), default);

// Real products were changed long before the first run: wait out the run cursor's 5-second overlap, or the no-change
// run would read the freshly seeded products again.
await Task.Delay(TimeSpan.FromSeconds(6));
Console.WriteLine($"Hub idle before the first run: working set {Environment.WorkingSet / 1048576.0:N0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB.");

// Pages of 1,000 products, the three current stock reports (stock, reserve, available) read once for the run, and the
// units of measure (a product names its unit only by reference). With no change: one empty page of changed products.
var productPages = Math.Max(1, (products + 999) / 1000);
var first = await MeasureAsync("First run (every product new)", productPages + 3 + 1, products);
var second = await MeasureAsync("No-change reconciliation", 1, 0);

var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
Console.WriteLine();
Console.WriteLine($"Hub peak memory (working set, whole benchmark): {peakMb:N0} MB");
Console.WriteLine($"Checks: every product written once on the first run: {Verdict(first.PlanfixWrites == products)}; no-change run writes nothing: {Verdict(second.PlanfixWrites == 0)}; " +
                  $"MoySklad reads at the minimum: {Verdict(first.ReadsAtMinimum && second.ReadsAtMinimum)}.");
return;

static string Verdict(bool met) => met ? "met" : "MISSED";

async Task<Result> MeasureAsync(string title, int moySkladMinimum, int planfixMinimumWrites)
{
    var before = (await control.GetFromJsonAsync<Calls>("bench/calls"))!;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var sampler = new MemorySampler(TimeSpan.FromSeconds(1), args.Contains("--memory"));
    var run = await hub.Get<RunLauncher>().RunAsync(slug, ProductsFlow.Key, new RunRequest(RunMode.Incremental), CancellationToken.None);
    clock.Stop();
    await sampler.DisposeAsync();
    var after = (await control.GetFromJsonAsync<Calls>("bench/calls"))!;
    var (pages, reports, moySkladAll) = (after.ProductPages - before.ProductPages, after.StockReports - before.StockReports, after.MoySkladAll - before.MoySkladAll);
    var (planfixReads, planfixWrites) = (after.PlanfixReads - before.PlanfixReads, after.PlanfixWrites - before.PlanfixWrites);
    string PerThousand(int count) => (count * 1000.0 / products).ToString("F2", CultureInfo.InvariantCulture);
    var rate = run.Read / clock.Elapsed.TotalSeconds;
    Console.WriteLine();
    Console.WriteLine($"== {title}: {run.Status}, read {run.Read:N0}, created {run.Created:N0}, updated {run.Updated:N0}, failed {run.Failed:N0}");
    Console.WriteLine($"   time {clock.Elapsed.TotalSeconds:F1} s, {rate:N0} products/s, managed heap peak {sampler.PeakHeapMb:N0} MB, " +
                      $"hub CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F1} s");
    Console.WriteLine($"   MoySklad calls {moySkladAll:N0} = {PerThousand(moySkladAll)} per 1,000 products ({pages:N0} product pages, {reports:N0} stock reports, " +
                      $"{moySkladAll - pages - reports:N0} units of measure); minimum {moySkladMinimum:N0} = {PerThousand(moySkladMinimum)} per 1,000");
    Console.WriteLine($"   Planfix reads {planfixReads:N0} = {PerThousand(planfixReads)} per 1,000; writes {planfixWrites:N0} = {PerThousand(planfixWrites)} per 1,000 " +
                      $"(minimum {PerThousand(planfixMinimumWrites)}: one write per entry)");
    // The real limits, one call after another as the run makes them: MoySklad 11 calls per 3 s, Planfix 1 request a second.
    var moySkladSeconds = moySkladAll * 3.0 / (45 / MoySkladClient.UnitsPerCall);
    var planfixSeconds = (double)(planfixReads + planfixWrites);
    Console.WriteLine($"   forecast at the real limits: MoySklad {Duration(moySkladSeconds)} + Planfix {Duration(planfixSeconds)} = {Duration(moySkladSeconds + planfixSeconds)} " +
                      $"(Planfix's 1 request/s sets the wall time)");
    Console.WriteLine($"   hub peak memory so far: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
    return new Result(clock.Elapsed.TotalSeconds, rate, planfixWrites, moySkladAll <= moySkladMinimum);
}

static string Duration(double seconds) => seconds >= 3600
    ? $"{seconds / 3600:F1} h"
    : seconds >= 60 ? $"{seconds / 60:F1} min" : $"{seconds:F0} s";

internal sealed record Result(double Seconds, double ProductsPerSecond, int PlanfixWrites, bool ReadsAtMinimum);
