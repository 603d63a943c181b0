using System.Globalization;

namespace Koppel.Infrastructure.Connectors.Unas.Sandbox;

/// <summary>
/// UNAS's protections as the emulator plays them: hourly call limits per function (off unless set), and an IP ban
/// of about an hour after 20 consecutive failed calls of one function or 5 failed logins.
/// </summary>
internal sealed class UnasGuard(TimeProvider clock)
{
    public const int FailuresBeforeBan = 20;
    public const int FailedLoginsBeforeBan = 5;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _bannedUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Hour, int Count)> _calls = new(StringComparer.Ordinal);

    public TimeSpan BanTime { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Calls per hour per function (e.g. getOrder = 30 on PREMIUM for multi-record calls); absent = unlimited.</summary>
    public Dictionary<string, int> HourlyLimits { get; } = new(StringComparer.Ordinal);
    /// <summary>Every ban the emulator imposed, as "function"; the hub must never provoke one.</summary>
    public List<string> Bans { get; } = [];

    /// <summary>The ban or limit message when the call may not go through, else null (the call is counted).</summary>
    public string? Admit(string function)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_bannedUntil.TryGetValue(function, out var until) && until > now)
                return $"Too much {function} query, IP is banned till {until.ToLocalTime().ToString("MM.dd.yyyy HH:mm:ss", CultureInfo.InvariantCulture)}!";
            var hour = now.ToUnixTimeSeconds() / 3600;
            var calls = _calls.GetValueOrDefault(function);
            if (calls.Hour != hour) calls = (hour, 0);
            if (HourlyLimits.TryGetValue(function, out var limit) && calls.Count >= limit)
                return $"Too much {function} query in this hour (limit {limit}).";
            _calls[function] = (hour, calls.Count + 1);
            return null;
        }
    }

    public void Succeeded(string function)
    {
        lock (_lock) _failures[function] = 0;
    }

    public void Failed(string function)
    {
        lock (_lock)
        {
            var count = _failures.GetValueOrDefault(function) + 1;
            _failures[function] = count;
            if (count < (function == "login" ? FailedLoginsBeforeBan : FailuresBeforeBan)) return;
            _bannedUntil[function] = clock.GetUtcNow() + BanTime;
            _failures[function] = 0;
            Bans.Add(function);
        }
    }

    public int ConsecutiveFailures(string function)
    {
        lock (_lock) return _failures.GetValueOrDefault(function);
    }

    public void Reset()
    {
        lock (_lock)
        {
            _failures.Clear();
            _bannedUntil.Clear();
            _calls.Clear();
            Bans.Clear();
        }
    }
}
