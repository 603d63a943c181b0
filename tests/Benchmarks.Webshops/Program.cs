using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Koppel.Benchmarks.Sync;
using Koppel.Benchmarks.Webshops;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.OkosUgyvitel;
using Koppel.Infrastructure.Connectors.OkosUgyvitel.Sandbox;
using Koppel.Infrastructure.Connectors.ShopRenter;
using Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;
using Koppel.Infrastructure.Connectors.Unas;
using Koppel.Infrastructure.Connectors.Unas.Sandbox;
using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Integrations.WebshopsOkos;
using Koppel.Infrastructure.Integrations.WebshopsOkos.Orders;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;

// Imports N orders, half from a ShopRenter shop and half from an UNAS shop, into one Okos-Ügyvitel company through the
// emulators over loopback on SQLite (both shops' orders flows at once, as the scheduler runs them), then runs both again
// without changes, and prints orders/s, HTTP calls per order per system next to the minimum the APIs allow, and the
// hub's peak memory (the emulators run in a child process and are not counted).
// Usage: dotnet run -c Release --project tests/Benchmarks.Webshops -- [orders, default 10000] [--memory]
if (args.Contains(EmulatorProcess.Flag))
{
    await EmulatorHost.RunAsync();
    return;
}
var orders = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var perShop = orders / 2;
const string slug = "bench-webshops", shopRenterKey = "sr", unasKey = "un";

await using var emulators = await EmulatorProcess.StartAsync(typeof(EmulatorHost).Assembly);
var (emulatorAddress, control) = (emulators.Address, emulators.Control);

await using var hub = await BenchHub.StartAsync();
var seeding = Stopwatch.StartNew();
using var setupAnswer = await control.PostAsync($"bench/setup?ordersPerShop={perShop}", null);
var setup = (await setupAnswer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Setup>())!;
Console.WriteLine($"Seeded {perShop:N0} ShopRenter and {perShop:N0} UNAS orders (every buyer new, {Math.Max(1, perShop / 10):N0} products per shop, " +
                  $"all known to the ERP) in {seeding.Elapsed.TotalSeconds:F1} s.");

static JsonObject Options(string sequence) => new()
{
    ["numberingSequence"] = sequence, ["warehouseId"] = "1", ["stockWarehouses"] = new JsonArray("1"), ["ordersSince"] = "2026-11-01",
};
await hub.Get<TenantService>().UpsertAsync(slug, new TenantInput("Benchmark webshops", WebshopsOkosIntegration.Key, new()
{
    [OkosAccount.System] = new() { ["baseUrl"] = OkosSandbox.BaseUrl(emulatorAddress), ["companyId"] = EmulatorHost.Company, ["apiKey"] = setup.ErpApiKey },
    [$"{Webshop.System}.{shopRenterKey}"] = new()
    {
        ["platform"] = ShopRenterAccount.Platform, ["shopName"] = EmulatorHost.Shop, ["clientId"] = EmulatorHost.ShopClient, ["clientSecret"] = EmulatorHost.ShopSecret,
        ["apiBaseUrl"] = ShopRenterSandbox.ApiBaseUrl(emulatorAddress, EmulatorHost.Shop), ["tokenUrl"] = ShopRenterSandbox.TokenUrl(emulatorAddress, EmulatorHost.Shop),
    },
    [$"{Webshop.System}.{unasKey}"] = new() { ["platform"] = UnasAccount.Platform, ["apiKey"] = EmulatorHost.UnasKey, ["baseUrl"] = UnasSandbox.BaseUrl(emulatorAddress) },
}, new JsonObject { ["webshops"] = new JsonObject { [shopRenterKey] = Options("SR"), [unasKey] = Options("UN") } }), default);

Console.WriteLine($"Hub idle before the first run: working set {Environment.WorkingSet / 1048576.0:N0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB.");

static int Pages(int rows, int size) => Math.Max(1, (rows + size - 1) / size);
// The shops' minimum: one token (ShopRenter) or login (UNAS) and their list pages: ShopRenter 200 orders a page with a
// last-page flag; UNAS 500 a call with no total, so a full last page needs one more call to see the end.
var shopMinimum = 1 + Pages(perShop, ShopRenterClient.MaxLimit) + 1 + perShop / UnasClient.OrderPage + 1;
// The ERP's minimum per order (its contract has no batch calls): look the buyer up and create it (every buyer is new),
// and post the document. Once per run and shop on top: VAT keys, the method lists, each product code and service name.
var first = await MeasureAsync("First run (every order new)", shopMinimum, 3);
// Again a token and a login, and one page per shop saying nothing is new. UNAS filters by the second of the last
// change read, so the orders changed in that second come again (and are found linked): read, not written.
var second = await MeasureAsync("No-change re-run", 4, 0);

var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
Console.WriteLine();
Console.WriteLine($"Hub peak memory (working set, whole benchmark): {peakMb:N0} MB");
Console.WriteLine($"With ShopRenter's own limit of 3 calls a second, its {Pages(perShop, ShopRenterClient.MaxLimit) + 1:N0} calls alone take at least " +
                  $"{(Pages(perShop, ShopRenterClient.MaxLimit) + 1) / 3.0:F0} s; the ERP's assumed 10 calls a second would make the first run last " +
                  $"{first.ErpCalls / 10.0:N0} s ({orders / (first.ErpCalls / 10.0):F1} orders/s).");
Console.WriteLine($"Second run wrote nothing: {(second.Writes == 0 ? "yes" : $"NO ({second.Writes} writes)")}; every order imported once: " +
                  $"{(first.Created == orders ? "yes" : $"NO ({first.Created:N0} of {orders:N0})")}.");
return;

async Task<Result> MeasureAsync(string title, int shopMinimum, int erpMinimumPerOrder)
{
    var before = (await control.GetFromJsonAsync<Calls>("bench/calls"))!;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes();
    var clock = Stopwatch.StartNew();
    var sampler = new MemorySampler(TimeSpan.FromSeconds(1), args.Contains("--memory"));
    var launcher = hub.Get<RunLauncher>();
    var runs = await Task.WhenAll(new[] { shopRenterKey, unasKey }.Select(shop =>
        launcher.RunAsync(slug, FlowScope.Key(OrdersFlow.Key, shop), new RunRequest(RunMode.Incremental), CancellationToken.None)));
    clock.Stop();
    await sampler.DisposeAsync();
    var after = (await control.GetFromJsonAsync<Calls>("bench/calls"))!;
    var (sr, un, erp, erpWrites) = (after.ShopRenter - before.ShopRenter, after.Unas - before.Unas, after.Erp - before.Erp, after.ErpWrites - before.ErpWrites);
    var shopWrites = after.ShopRenterWrites - before.ShopRenterWrites + after.UnasWrites - before.UnasWrites;
    var (read, created, failed) = (runs.Sum(r => r.Read), runs.Sum(r => r.Created), runs.Sum(r => r.Failed));
    var rate = created / clock.Elapsed.TotalSeconds;
    string PerOrder(int calls) => (calls / (double)Math.Max(1, read)).ToString("F3", CultureInfo.InvariantCulture);
    Console.WriteLine();
    Console.WriteLine($"== {title}: {string.Join(", ", runs.Select(r => $"{r.Flow} {r.Status}"))}; read {read:N0}, created {created:N0}, " +
                      $"updated {runs.Sum(r => r.Updated):N0}, failed {failed:N0}");
    Console.WriteLine($"   time {clock.Elapsed.TotalSeconds:F1} s, {rate:N1} orders/s imported, hub CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F1} s, " +
                      (read > 0 ? $"{(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / read:N1} KB allocated per order" : "") +
                      $", managed heap peak {sampler.PeakHeapMb:N0} MB");
    Console.WriteLine($"   shop calls: ShopRenter {sr:N0} + UNAS {un:N0} = {sr + un:N0} = {PerOrder(sr + un)} per order (minimum the page sizes allow: {shopMinimum:N0}); shop writes {shopWrites:N0}");
    Console.WriteLine($"   ERP calls {erp:N0} = {PerOrder(erp)} per order (minimum {erpMinimumPerOrder} per order = {erpMinimumPerOrder * created:N0}, plus a few per product, " +
                      $"service and method per run); ERP writes {erpWrites:N0}");
    var endpoints = after.ErpEndpoints.Select(e => (e.Key, Count: e.Value - before.ErpEndpoints.GetValueOrDefault(e.Key))).Where(e => e.Count > 0);
    Console.WriteLine($"   ERP calls by endpoint: {string.Join(", ", endpoints.Select(e => $"{e.Key} {e.Count:N0}"))}");
    Console.WriteLine($"   hub peak memory so far: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
    return new Result(clock.Elapsed.TotalSeconds, created, erp, erpWrites + shopWrites);
}

internal sealed record Result(double Seconds, int Created, int ErpCalls, int Writes);
