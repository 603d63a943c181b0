using System.Collections.Concurrent;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>Planfix's "1 request per second" per token: a call less than 1/N s after the previous one is refused.</summary>
internal sealed class PlanfixThrottle(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new();

    /// <summary>Requests per second per token (Planfix: 1); 0 lifts the limit.</summary>
    public int PerSecond { get; set; } = 1;

    public bool TryTake(string token)
    {
        if (PerSecond == 0) return true;
        var now = clock.GetUtcNow();
        var gap = TimeSpan.FromSeconds(1.0 / PerSecond);
        var admitted = false;
        _last.AddOrUpdate(token, _ => { admitted = true; return now; }, (_, last) =>
        {
            // A little slack for clock granularity: a client pacing at exactly 1/s must pass.
            admitted = now - last >= gap - TimeSpan.FromMilliseconds(20);
            return admitted ? now : last;
        });
        return admitted;
    }

    public void Reset() => _last.Clear();
}
