using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Koppel.Infrastructure.Connectors.ExactOnline.Sandbox;

/// <summary>
/// Exact's call budgets per app and division: a fixed calendar-minute window and a daily one (reset at
/// midnight UTC here; Exact's time zone for it is undocumented). Every division URL answers with the six
/// X-RateLimit headers, resets in epoch milliseconds. Thread-safe.
/// </summary>
public sealed class ExactRateLimits(TimeProvider clock)
{
    public int MinutelyLimit { get; set; } = 60;
    public int DailyLimit { get; set; } = 5000;

    /// <summary>Calls answered with 429 because a budget was used up.</summary>
    public int Rejected => _rejected;
    private int _rejected;

    private readonly Lock _lock = new();
    private readonly Dictionary<ExactGrant, Budget> _budgets = new();

    private sealed class Budget
    {
        public DateTimeOffset Minute;
        public int MinuteCalls;
        public DateTimeOffset Day;
        public int DayCalls;
    }

    /// <summary>Counts one call; false when a budget is already used up (the call must get a 429).</summary>
    public bool TryTake(ExactGrant grant, HttpResponse response)
    {
        lock (_lock)
        {
            var budget = Current(grant);
            var allowed = budget.MinuteCalls < MinutelyLimit && budget.DayCalls < DailyLimit;
            if (allowed)
            {
                budget.MinuteCalls++;
                budget.DayCalls++;
            }
            else _rejected++;
            WriteHeaders(budget, response);
            return allowed;
        }
    }

    /// <summary>The headers without counting a call (for answers the fault plan forces).</summary>
    public void Describe(ExactGrant grant, HttpResponse response)
    {
        lock (_lock) WriteHeaders(Current(grant), response);
    }

    /// <summary>Seconds until the exhausted window resets.</summary>
    public int SecondsUntilReset(ExactGrant grant)
    {
        lock (_lock)
        {
            var budget = Current(grant);
            var reset = budget.DayCalls >= DailyLimit ? budget.Day.AddDays(1) : budget.Minute.AddMinutes(1);
            return (int)Math.Ceiling((reset - clock.GetUtcNow()).TotalSeconds);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _budgets.Clear();
            _rejected = 0;
        }
    }

    private Budget Current(ExactGrant grant)
    {
        var now = clock.GetUtcNow();
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (!_budgets.TryGetValue(grant, out var budget)) _budgets[grant] = budget = new Budget { Minute = minute, Day = day };
        if (budget.Minute != minute) { budget.Minute = minute; budget.MinuteCalls = 0; }
        if (budget.Day != day) { budget.Day = day; budget.DayCalls = 0; }
        return budget;
    }

    private void WriteHeaders(Budget budget, HttpResponse response)
    {
        var headers = response.Headers;
        headers["X-RateLimit-Limit"] = Text(DailyLimit);
        headers["X-RateLimit-Remaining"] = Text(Math.Max(0, DailyLimit - budget.DayCalls));
        headers["X-RateLimit-Reset"] = Text(budget.Day.AddDays(1).ToUnixTimeMilliseconds());
        headers["X-RateLimit-Minutely-Limit"] = Text(MinutelyLimit);
        headers["X-RateLimit-Minutely-Remaining"] = Text(Math.Max(0, MinutelyLimit - budget.MinuteCalls));
        headers["X-RateLimit-Minutely-Reset"] = Text(budget.Minute.AddMinutes(1).ToUnixTimeMilliseconds());
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
