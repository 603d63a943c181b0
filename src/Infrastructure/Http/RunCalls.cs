using System.Collections.Concurrent;
using System.Text.Json;

namespace Koppel.Infrastructure.Http;

/// <summary>
/// The calls one run makes to each external system (every attempt on the wire, retries and sign-ins included),
/// for the run's page. The runner starts a count; the connectors' handler adds to the count of the run whose code
/// made the call (an async-local, so parallel records and concurrent runs of other flows never mix).
/// </summary>
public sealed class RunCalls
{
    private static readonly AsyncLocal<RunCalls?> Current = new();
    private readonly ConcurrentDictionary<string, int> _bySystem = new(StringComparer.Ordinal);

    /// <summary>Counts the calls made from here on in this async flow (the run's own method and what it awaits).</summary>
    public static RunCalls Start() => Current.Value = new RunCalls();

    internal static void Add(string system) => Current.Value?._bySystem.AddOrUpdate(system, 1, (_, n) => n + 1);

    /// <summary>The counts as stored with the run: a JSON object of system to calls, ordered by system; null for none.</summary>
    public string? ToJson() =>
        _bySystem.IsEmpty ? null : JsonSerializer.Serialize(new SortedDictionary<string, int>(_bySystem, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, int> Parse(string? json) =>
        json is null ? new Dictionary<string, int>() : JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
}
