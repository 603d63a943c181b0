namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>
/// A per-account budget of requests per second. Optiply publishes no numbers (its guidance is 100-200 ms
/// between calls), so the budget is configurable; over it the emulator answers 429 with Retry-After.
/// </summary>
internal sealed class OptiplyRateLimit(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Second, int Count)> _windows = new(StringComparer.Ordinal);

    /// <summary>Requests per second per account; 0 turns the limit off.</summary>
    public int PerSecond { get; set; } = 20;

    public bool TryTake(string account)
    {
        var limit = PerSecond;
        if (limit <= 0) return true;
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (_lock)
        {
            var window = _windows.GetValueOrDefault(account);
            if (window.Second != second) window = (second, 0);
            if (window.Count >= limit) return false;
            _windows[account] = (second, window.Count + 1);
            return true;
        }
    }
}
