using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Koppel.Benchmarks.Sync;

/// <summary>
/// Which types a run allocates, from the runtime's allocation ticks (one about every 100 KB, naming the type whose
/// allocation crossed it): a sample, not a count, but enough to see what dominates. Off unless asked for.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _on;

    public void Start()
    {
        _bytes.Clear();
        _on = true;
    }

    /// <summary>The types that took most, with their share of the sampled bytes.</summary>
    public IEnumerable<(string Type, double Mb, double Share)> Stop(int top)
    {
        _on = false;
        var total = Math.Max(1, _bytes.Values.Sum());
        return _bytes.OrderByDescending(t => t.Value).Take(top).Select(t => (t.Key, t.Value / 1048576.0, (double)t.Value / total));
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload is null) return;
        var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        // Large objects (85,000 bytes and up) are counted apart: each one brings the next full collection closer.
        if (Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("AllocationKind")]) == 1) type += " (large object heap)";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
