namespace Koppel.Infrastructure.Sandbox;

/// <summary>
/// A fixed-window request budget per account, as emulators of systems with a documented limit count it
/// (ShopRenter: 3 requests a second per shop). Over it the emulator answers its system's own 429.
/// </summary>
public sealed class SandboxRateLimit(TimeProvider clock, int permits, TimeSpan window)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Window, int Count)> _windows = new(StringComparer.Ordinal);

    /// <summary>Requests per window per account; 0 turns the limit off (benchmarks).</summary>
    public int Permits { get; set; } = permits;

    public bool TryTake(string account)
    {
        if (Permits <= 0) return true;
        var current = clock.GetUtcNow().UtcTicks / window.Ticks;
        lock (_lock)
        {
            var used = _windows.GetValueOrDefault(account);
            if (used.Window != current) used = (current, 0);
            if (used.Count >= Permits) return false;
            _windows[account] = (current, used.Count + 1);
            return true;
        }
    }

    /// <summary>Whole seconds until the current window ends (for Retry-After).</summary>
    public int SecondsLeft()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var left = window.Ticks - now % window.Ticks;
        return (int)Math.Max(1, Math.Ceiling(TimeSpan.FromTicks(left).TotalSeconds));
    }
}
