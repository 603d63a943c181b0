using System.Data.Common;
using System.Diagnostics;
using Koppel.Benchmarks.LogQuery;
using Koppel.Domain.Sync;
using Koppel.Domain.Tenants;
using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.SyncLog;
using Koppel.Infrastructure.SyncLog.Inbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Measures the sync log viewer's queries (SyncLogService, as the portal calls them) and the inbox's (ErrorInbox, on
// the open errors such a log leaves) on a large log, on SQLite or PostgreSQL, and optionally the pruner's throughput
// while a run writes:
//   dotnet run -c Release --project tests/Benchmarks.LogQuery -- [--provider sqlite|postgresql] [--rows 1000000]
//       [--runs 50] [--db file] [--pg "Host=...;Username=...;Password=..."] [--fresh] [--prune-days 30] [--batch 1000]
//       [--inbox-only]
// The filled database is kept (a file in the temp folder, or database koppel_logbench_<rows> on the server named by
// --pg or KOPPEL_TEST_POSTGRES) and reused when it has the rows. --prune-days deletes from it: the next run refills.
var rows = IntArg("--rows", 1_000_000);
var runs = IntArg("--runs", 50);
var provider = (StringArg("--provider") ?? "sqlite").ToLowerInvariant() switch
{
    "sqlite" => DatabaseProvider.Sqlite,
    "postgresql" or "postgres" => DatabaseProvider.PostgreSql,
    var other => throw new ArgumentException($"--provider {other}: use sqlite or postgresql."),
};
var fresh = args.Contains("--fresh");
var sqliteFile = StringArg("--db") ?? Path.Combine(Path.GetTempPath(), $"koppel-logbench-{rows}.db");
var postgresServer = StringArg("--pg") ?? Environment.GetEnvironmentVariable("KOPPEL_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=portal;Password=portal";
var postgresName = $"koppel_logbench_{rows}";
var connectionString = provider == DatabaseProvider.Sqlite
    ? $"Data Source={sqliteFile}"
    : new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresName, CommandTimeout = 600 }.ToString();
var services = new ServiceCollection()
    .AddDbContextFactory<KoppelDb>(new DatabaseOptions(provider, connectionString).Configure)
    .BuildServiceProvider();
var dbs = services.GetRequiredService<IDbContextFactory<KoppelDb>>();

if (fresh || !await HasRowsAsync())
{
    await EmptyDatabaseAsync();
    Console.WriteLine($"Filling a {provider} database with {rows:N0} log rows…");
    int main, other;
    await using (var db = await dbs.CreateDbContextAsync())
    {
        await DatabaseMigrator.MigrateAsync(db);
        var now = DateTime.UtcNow;
        var a = new Tenant { Slug = LogRows.MainTenant, Name = "Bench main", Integration = "exact-optiply", CreatedAt = now, UpdatedAt = now };
        var b = new Tenant { Slug = LogRows.OtherTenant, Name = "Bench other", Integration = "exact-optiply", CreatedAt = now, UpdatedAt = now };
        db.Tenants.AddRange(a, b);
        await db.SaveChangesAsync();
        (main, other) = (a.Id, b.Id);
    }
    if (provider == DatabaseProvider.Sqlite) await SqliteFiller.FillAsync(connectionString, rows, main, other);
    else await PostgresFiller.FillAsync(connectionString, rows, main, other);
}
else
{
    // A database filled by an older build takes the newer migrations, as the hub's own database does at start.
    await using var db = await dbs.CreateDbContextAsync();
    var watch = Stopwatch.StartNew();
    var applied = (await db.Database.GetPendingMigrationsAsync()).Count();
    await DatabaseMigrator.MigrateAsync(db);
    Console.WriteLine($"Reusing the {provider} database with {rows:N0} log rows ({applied} newer migrations applied in {watch.Elapsed.TotalSeconds:F1} s).");
}

var log = new SyncLogService(dbs);
long someRun;
await using (var db = await dbs.CreateDbContextAsync())
    someRun = await db.SyncRuns.Where(r => r.TenantId == db.Tenants.Single(t => t.Slug == LogRows.MainTenant).Id)
        .OrderByDescending(r => r.Id).Skip(500).Select(r => r.Id).FirstAsync();

var week = LogRows.Start.AddDays(60);
var shapes = new (string Name, LogQuery Query)[]
{
    ("unfiltered, newest first, page 1", new LogQuery()),
    ("unfiltered, page 100 (offset 4,950)", new LogQuery { Page = 100 }),
    ("unfiltered, oldest first", new LogQuery { Sort = LogSort.Oldest }),
    ("flow + outcome + one week", new LogQuery { Flow = "products", Outcome = Outcome.Failed, From = week, To = week.AddDays(7) }),
    ("flow + outcome + one week, page 5", new LogQuery { Flow = "products", Outcome = Outcome.Failed, From = week, To = week.AddDays(7), Page = 5 }),
    ("outcome only (failed)", new LogQuery { Outcome = Outcome.Failed }),
    ("text: record key \"ART-01234\"", new LogQuery { Text = "ART-01234" }),
    ("text: words in messages \"price is not\"", new LogQuery { Text = "price is not" }),
    ("text: common words \"Updated in\"", new LogQuery { Text = "Updated in" }),
    ("text: key prefix \"ART-0123\"", new LogQuery { Text = "ART-0123" }),
    ("text: no match", new LogQuery { Text = "no such words at all" }),
    ("text: name words \"stainless hinge\"", new LogQuery { Text = "stainless hinge" }),
    ("text: only in source data \"IsPurchaseItem\"", new LogQuery { Text = "IsPurchaseItem" }),
    ("text + outcome + flow", new LogQuery { Text = "503", Outcome = Outcome.Failed, Flow = "products" }),
    ("one run", new LogQuery { RunId = someRun }),
    ("sorted by record key", new LogQuery { Sort = LogSort.RecordAscending }),
};

const int cap = LogViewerCap.Rows;
Console.WriteLine();
Console.WriteLine($"{runs} runs per shape after 3 warm-ups; page = 50 rows; count capped at {cap:N0}. Times in ms.");
Console.WriteLine($"{"query shape",-42} {"page med",9} {"page p95",9} {"count med",10} {"count p95",10} {"rows",5}");
foreach (var (name, query) in args.Contains("--inbox-only") ? [] : shapes)
{
    var page = await MeasureAsync(() => log.PageAsync(LogRows.MainTenant, query, default));
    var count = await MeasureAsync(() => log.CountAsync(LogRows.MainTenant, query, cap, default));
    var sample = await log.PageAsync(LogRows.MainTenant, query, default);
    var counted = await log.CountAsync(LogRows.MainTenant, query, cap, default);
    Console.WriteLine($"{name,-42} {page.Median,9:F1} {page.P95,9:F1} {count.Median,10:F1} {count.P95,10:F1} {sample.Rows.Count,5}  ({(counted.AtLeast ? ">" : "")}{counted.Count:N0} match)");
}

// The inbox reads open errors, not the log: one row per failing record, kept by the engine beside the log.
var openErrors = await OpenErrorFiller.FillAsync(dbs);
var inbox = new ErrorInbox(dbs, TimeProvider.System);
var biggest = (await inbox.GroupsAsync(LogRows.MainTenant, new ErrorFilter(), default)).MaxBy(g => g.Count)!;
var inboxShapes = new (string Name, Func<Task<int>> Query)[]
{
    ("inbox: a tenant's groups", async () => (await inbox.GroupsAsync(LogRows.MainTenant, new ErrorFilter(), default)).Count),
    ("inbox: every tenant's groups", async () => (await inbox.GroupsAsync(null, new ErrorFilter(), default)).Count),
    ("inbox: groups of one flow", async () => (await inbox.GroupsAsync(LogRows.MainTenant, new ErrorFilter("products"), default)).Count),
    ("inbox: reason contains \"503\"", async () => (await inbox.GroupsAsync(LogRows.MainTenant, new ErrorFilter(Text: "503"), default)).Count),
    ("inbox: failing for 30 days or more", async () => (await inbox.GroupsAsync(LogRows.MainTenant, new ErrorFilter(FailingFor: TimeSpan.FromDays(30)), default)).Count),
    ("inbox: find a record \"ART-0123\"", async () => (await inbox.GroupsAsync(LogRows.MainTenant, new ErrorFilter(Record: "ART-0123"), default)).Sum(g => g.Count)),
    ("inbox: find records \"stainless hinge\" (all)", async () => (await inbox.GroupsAsync(LogRows.MainTenant, new ErrorFilter(Record: "stainless hinge"), default)).Sum(g => g.Count)),
    ("inbox: find records by data only \"IsPurchaseItem\" (all)", async () => (await inbox.GroupsAsync(LogRows.MainTenant, new ErrorFilter(Record: "IsPurchaseItem"), default)).Sum(g => g.Count)),
    ("inbox: counts per flow (tenant page)", async () => (await inbox.CountsAsync(LogRows.MainTenant, default)).Count),
    ("inbox: counts per tenant and flow (dashboard)", async () => (await inbox.CountsAsync(null, default)).Count),
    ($"inbox: the biggest group's records ({biggest.Count:N0})", async () => (await inbox.RecordsAsync(LogRows.MainTenant, new ErrorFilter(biggest.Flow, biggest.Reason), default)).Count),
};
Console.WriteLine();
Console.WriteLine($"{openErrors:N0} open errors. {runs} runs per shape after 3 warm-ups. Times in ms.");
Console.WriteLine($"{"inbox query",-48} {"median",9} {"p95",9} {"rows",7}");
foreach (var (name, query) in inboxShapes)
{
    var time = await MeasureAsync(query);
    Console.WriteLine($"{name,-48} {time.Median,9:F1} {time.P95,9:F1} {await query(),7:N0}");
}

if (IntArg("--prune-days", 0) is > 0 and var pruneDays) await PruneMeasure.RunAsync(dbs, pruneDays, IntArg("--batch", 1_000));
return;

async Task<(double Median, double P95)> MeasureAsync<T>(Func<Task<T>> query)
{
    for (var i = 0; i < 3; i++) await query();
    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await query();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    return (times[runs / 2], times[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.95) - 1)]);
}

async Task<bool> HasRowsAsync()
{
    try
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.SyncLog.CountAsync() == rows;
    }
    catch (DbException)
    {
        return false; // no database or no tables yet
    }
}

async Task EmptyDatabaseAsync()
{
    if (provider == DatabaseProvider.Sqlite)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(sqliteFile + suffix)) File.Delete(sqliteFile + suffix);
        return;
    }
    NpgsqlConnection.ClearAllPools();
    var maintenance = new NpgsqlConnectionStringBuilder(postgresServer) { Database = "postgres", Pooling = false };
    await using var connection = new NpgsqlConnection(maintenance.ToString());
    await connection.OpenAsync();
    foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", $"CREATE DATABASE \"{postgresName}\"" })
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

int IntArg(string name, int fallback) => StringArg(name) is { } text ? int.Parse(text) : fallback;

string? StringArg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
