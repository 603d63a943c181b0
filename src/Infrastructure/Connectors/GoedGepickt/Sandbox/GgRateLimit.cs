namespace Koppel.Infrastructure.Connectors.GoedGepickt.Sandbox;

/// <summary>
/// GoedGepickt's documented limit: 150 requests per calling IP over all endpoints. The window is not published;
/// it is configurable here (default a minute). Over it the emulator answers 429 "Too Many Attempts." without Retry-After.
/// </summary>
internal sealed class GgRateLimit(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _byIp = new(StringComparer.Ordinal);

    /// <summary>Requests per window per IP; 0 turns the limit off. A new limit starts a new window.</summary>
    public int PerWindow
    {
        get;
        set { lock (_lock) { field = value; _byIp.Clear(); } }
    } = 150;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many requests were answered 429 so far, over all IPs.</summary>
    public int Refused { get; private set; }

    public bool TryTake(string ip)
    {
        if (PerWindow <= 0) return true;
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (!_byIp.TryGetValue(ip, out var taken)) _byIp[ip] = taken = new Queue<DateTimeOffset>();
            while (taken.Count > 0 && taken.Peek() <= now - Window) taken.Dequeue();
            if (taken.Count >= PerWindow)
            {
                Refused++;
                return false;
            }
            taken.Enqueue(now);
            return true;
        }
    }
}
