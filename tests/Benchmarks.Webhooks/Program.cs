using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Koppel.Benchmarks.Webhooks;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Connectors.Optiply.Sandbox;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Products;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Sync;
using Koppel.Infrastructure.Tenants;
using Microsoft.EntityFrameworkCore;

// N GoedGepickt products synced to Optiply; then each gets a stock mutation and its signed stockUpdated delivery,
// all N sent at once to the hub's intake. Prints deliveries/s accepted, the answer time of each delivery, and the
// end-to-end latency from sending a delivery to Optiply's answer to the write it causes (p50/p99), and checks that
// every product got exactly one write with the right stock (nothing lost, nothing doubled).
// Usage: dotnet run -c Release --project tests/Benchmarks.Webhooks -- [deliveries, default 500] [--parallel N] [--senders N]
var deliveries = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var parallelIndex = Array.IndexOf(args, "--parallel");
var parallelism = parallelIndex >= 0 ? int.Parse(args[parallelIndex + 1], CultureInfo.InvariantCulture) : new SyncOptions().WebhookParallelism;
// How many deliveries are on the wire at once; by default all of them (the harshest burst).
var sendersIndex = Array.IndexOf(args, "--senders");
var senders = sendersIndex >= 0 ? int.Parse(args[sendersIndex + 1], CultureInfo.InvariantCulture) : deliveries;
const string slug = "hooks-bench";
const string account = "gg-bench";
const string apiKey = "gg-bench-key";

await using var hub = await HookHub.StartAsync(parallelism);
var gg = hub.Get<GoedGepicktSandbox>();
var optiply = hub.Get<OptiplySandbox>();
// The emulators' limits are lifted with the hub's budgets: against GoedGepickt its 150 calls a minute set the pace.
gg.RequestsPerWindow = 0;
optiply.RequestsPerSecond = 0;
gg.RegisterKey(apiKey, account);
for (var i = 0; i < deliveries; i++)
    gg.AddProduct(account, new JsonObject
    {
        ["sku"] = $"BENCH-{i:D5}", ["name"] = $"Benchmark product {i}", ["price"] = "9.95",
        ["stock"] = new JsonObject { ["freeStock"] = 10 },
    }, fire: false);
// Saving the tenant registers its webhooks with the emulator, as saving a connection in the portal does.
await hub.Get<TenantService>().UpsertAsync(slug, new TenantInput("Webhook benchmark", GoedGepicktOptiplyIntegration.Key, new()
{
    [GoedGepicktAccount.System] = new() { ["baseUrl"] = GoedGepicktSandbox.BaseUrl(hub.Address), ["apiKey"] = apiKey },
    [OptiplyAccount.System] = new()
    {
        ["baseUrl"] = OptiplyDemoLogin.BaseUrl(hub.Address), ["tokenUrl"] = OptiplyDemoLogin.TokenUrl(hub.Address),
        ["clientId"] = OptiplyDemoLogin.ClientId, ["clientSecret"] = OptiplyDemoLogin.ClientSecret,
        ["username"] = OptiplyDemoLogin.Username, ["password"] = OptiplyDemoLogin.Password,
        ["accountId"] = OptiplyDemoLogin.AccountId, ["couplingId"] = OptiplyDemoLogin.CouplingId,
    },
}, null), default);
var first = await hub.Get<RunLauncher>().RunAsync(slug, ProductsFlow.Key, new RunRequest(RunMode.Incremental), CancellationToken.None);
Console.WriteLine($"Set-up: {first.Created:N0} products synced to Optiply ({first.Status}).");
var secret = (string)gg.Webhooks(account).Single(w => (string?)w["webhookEvent"] == "product.stockChanged")["webhookSecret"]!;

// The mutations are made quietly: the benchmark itself is GoedGepickt's sender, so it controls the burst.
var products = gg.Products(account).OrderBy(p => (string?)p["sku"]).ToList();
var bodies = new string[deliveries];
var expected = new Dictionary<string, int>();
for (var i = 0; i < deliveries; i++)
{
    var product = products[i];
    var stock = 1000 + i;
    product["stock"]!["freeStock"] = stock;
    gg.AddProduct(account, product, fire: false);
    bodies[i] = $$"""{"event":"stockUpdated","productUuid":"{{product["uuid"]}}","productSku":"{{product["sku"]}}","newStock":"{{stock}}"}""";
    expected[product["uuid"]!.ToString()] = stock;
}
var uuidOf = optiply.Products(OptiplyDemoLogin.AccountId).ToDictionary(p => p["id"]!.ToString(), p => p["remoteIdMap"]![OptiplyDemoLogin.CouplingId]!.ToString());
var writesBefore = hub.Writes.All.Count;

using var http = new HttpClient { BaseAddress = hub.Address, Timeout = TimeSpan.FromMinutes(2) };
var sentAt = new long[deliveries];
var answeredAt = new long[deliveries];
var statuses = new int[deliveries];
var burst = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, deliveries), new ParallelOptions { MaxDegreeOfParallelism = senders }, async (i, _) =>
{
    using var request = new HttpRequestMessage(HttpMethod.Post, $"hooks/{slug}/goedgepickt") { Content = new StringContent(bodies[i], Encoding.UTF8, "application/json") };
    request.Headers.Add(GoedGepicktWebhooks.SignatureHeader, Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(bodies[i]))));
    sentAt[i] = Stopwatch.GetTimestamp();
    using var answer = await http.SendAsync(request);
    answeredAt[i] = Stopwatch.GetTimestamp();
    statuses[i] = (int)answer.StatusCode;
});
var acceptSeconds = burst.Elapsed.TotalSeconds;

// Drained when the queue holds nothing due; a generous limit so a slow machine still reports.
var dbs = hub.Get<IDbContextFactory<KoppelDb>>();
var deadline = Stopwatch.StartNew();
while (deadline.Elapsed < TimeSpan.FromMinutes(10))
{
    await using var db = await dbs.CreateDbContextAsync();
    if (!await db.WebhookDeliveries.AnyAsync(d => d.DueAt != null)) break;
    await Task.Delay(50);
}
var drainSeconds = burst.Elapsed.TotalSeconds;
await using (var db = await dbs.CreateDbContextAsync())
{
    var processed = await db.WebhookDeliveries.CountAsync(d => d.ProcessedAt != null && d.Error == null);
    var failed = await db.WebhookDeliveries.CountAsync(d => d.Error != null);
    Console.WriteLine($"Queue: {processed:N0} deliveries processed, {failed:N0} with an error, drained {drainSeconds:F2} s after the burst began.");
}

var writes = hub.Writes.All.Skip(writesBefore).Select(w => (Uuid: uuidOf[w.ProductId], w.At)).ToList();
var writeAt = writes.GroupBy(w => w.Uuid).ToDictionary(g => g.Key, g => g.Min(w => w.At));
var latencies = new List<double>();
for (var i = 0; i < deliveries; i++)
{
    var uuid = products[i]["uuid"]!.ToString();
    if (writeAt.TryGetValue(uuid, out var at)) latencies.Add(Stopwatch.GetElapsedTime(sentAt[i], at).TotalMilliseconds);
}
var answers = Enumerable.Range(0, deliveries).Select(i => Stopwatch.GetElapsedTime(sentAt[i], answeredAt[i]).TotalMilliseconds).Order().ToList();
latencies.Sort();
var stockNow = optiply.Products(OptiplyDemoLogin.AccountId).ToDictionary(p => p["remoteIdMap"]![OptiplyDemoLogin.CouplingId]!.ToString(), p => (int?)p["stockLevel"]);
var lost = expected.Count(e => stockNow.GetValueOrDefault(e.Key) != e.Value);
var doubled = writes.Count - writeAt.Count;

Console.WriteLine();
Console.WriteLine($"== {deliveries:N0} stockUpdated deliveries in one burst ({senders:N0} on the wire at once), webhook parallelism {parallelism}");
Console.WriteLine($"   accepted: {statuses.Count(s => s == 200):N0} answered 200 ({string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key}: {g.Count()}"))}) " +
                  $"in {acceptSeconds:F2} s = {deliveries / acceptSeconds:N0} deliveries/s");
Console.WriteLine($"   answer time: p50 {Percentile(answers, 0.50):N0} ms, p99 {Percentile(answers, 0.99):N0} ms, max {answers[^1]:N0} ms");
Console.WriteLine($"   delivery -> Optiply write: p50 {Percentile(latencies, 0.50):N0} ms, p99 {Percentile(latencies, 0.99):N0} ms, max {(latencies.Count == 0 ? 0 : latencies[^1]):N0} ms");
Console.WriteLine($"   Optiply product writes: {writes.Count:N0} for {writeAt.Count:N0} products; lost (stock not written): {lost}, doubled: {doubled}");
Console.WriteLine($"Targets: every delivery answered 200 within 1 s: {Verdict(statuses.All(s => s == 200) && answers[^1] <= 1000)}; " +
                  $"nothing lost: {Verdict(lost == 0)}; nothing doubled: {Verdict(doubled == 0)}.");
return;

static string Verdict(bool met) => met ? "met" : "MISSED";

static double Percentile(IReadOnlyList<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
