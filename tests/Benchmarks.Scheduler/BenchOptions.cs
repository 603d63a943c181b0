namespace Koppel.Benchmarks.Scheduler;

public sealed record BenchOptions(int Tenants, double Minutes, int Nodes, string Provider, string PostgresServer, string? Node, string? Database)
{
    public const int ScheduleMinutes = 5;
    public const int MaxParallelRuns = 4;

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var nodes = int.Parse(Value("--nodes") ?? "1");
        var provider = Value("--provider") ?? (nodes > 1 ? "PostgreSql" : "Sqlite");
        if (nodes > 1 && provider != "PostgreSql") throw new ArgumentException("--nodes 2 needs --provider PostgreSql: SQLite is one process's database.");
        return new BenchOptions(
            int.Parse(Value("--tenants") ?? "1000"), double.Parse(Value("--minutes") ?? "15", System.Globalization.CultureInfo.InvariantCulture), nodes, provider,
            Value("--postgres") ?? Environment.GetEnvironmentVariable("KOPPEL_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=portal;Password=portal",
            Value("--node"), Value("--database"));
    }
}
