using System.Collections.Concurrent;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>
/// MoySklad's request bucket: 45 units per 3 s per user, refilled continuously; a request costs its weight
/// (4 for a user token since 2026-12-01, 5 for the full stock reports). Answers what the X-RateLimit-* and
/// X-Lognex-* headers report.
/// </summary>
internal sealed class MoySkladRateBucket(TimeProvider clock)
{
    public const int Capacity = 45;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, State> _byUser = new();

    /// <summary>Units a request of a user token weighs (4 since 2026-12-01); 0 lifts the limit (benchmarks).</summary>
    public int UnitsPerRequest { get; set; } = 4;

    public sealed record Answer(bool Allowed, int Remaining, long ResetMs, long RetryAfterMs);

    public Answer Take(string user, int weight)
    {
        if (UnitsPerRequest == 0) return new Answer(true, Capacity, 0, 0);
        var state = _byUser.GetOrAdd(user, _ => new State(Capacity, clock.GetUtcNow()));
        lock (state)
        {
            var now = clock.GetUtcNow();
            var perMs = Capacity / Window.TotalMilliseconds;
            state.Units = Math.Min(Capacity, state.Units + (now - state.At).TotalMilliseconds * perMs);
            state.At = now;
            var allowed = state.Units >= weight;
            if (allowed) state.Units -= weight;
            var remaining = (int)Math.Floor(state.Units);
            var reset = (long)Math.Ceiling((Capacity - state.Units) / perMs);
            var retryAfter = allowed ? 0 : (long)Math.Ceiling((weight - state.Units) / perMs);
            return new Answer(allowed, remaining, reset, retryAfter);
        }
    }

    public void Reset() => _byUser.Clear();

    private sealed class State(double units, DateTimeOffset at)
    {
        public double Units = units;
        public DateTimeOffset At = at;
    }
}
