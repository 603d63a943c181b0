namespace Koppel.Domain.Quota;

/// <summary>
/// What a full resync of a flow costs on one system, before it starts: <see cref="Calls"/> from the records times the
/// calls per record, and how many days it takes at what the daily limit leaves after today's use and the
/// schedules' own need (<see cref="Days"/>: 1 = it fits today; null = the schedules leave nothing over, so it never finishes
/// inside the budget).
/// </summary>
public sealed record ResyncEstimate(string System, string Name, long Records, double CallsPerRecord, long Calls, long? Limit, int? Days)
{
    /// <param name="day">The system's day: its limit, today's use and the schedules' need.</param>
    public static ResyncEstimate For(QuotaDay day, long records, double callsPerRecord)
    {
        // Rounded first: calls per record measured as calls / reads must give back the measured calls, not one more.
        var calls = (long)Math.Ceiling(Math.Round(records * callsPerRecord, 6));
        return new ResyncEstimate(day.Quota.System, day.Quota.Name, records, callsPerRecord, calls, day.Limit, DaysFor(calls, day));
    }

    private static int? DaysFor(long calls, QuotaDay day)
    {
        if (day.Limit is null || calls == 0) return 1;
        var today = day.SpareToday!.Value;
        if (calls <= today) return 1;
        var perDay = day.SparePerDay!.Value;
        if (perDay == 0) return null;
        // Today's spare calls first, then whole days of what the schedules leave free.
        return 1 + (int)Math.Ceiling((double)(calls - today) / perDay);
    }

    /// <summary>
    /// Calls per record on a system from the flow's recent runs (their calls to it over the records they read), or,
    /// with no run that read anything, one call per page of <paramref name="pageSize"/> records.
    /// </summary>
    public static double PerRecord(IEnumerable<(int Read, int Calls)> runs, int pageSize)
    {
        var (read, calls) = runs.Aggregate((Read: 0L, Calls: 0L), (sum, r) => (sum.Read + r.Read, sum.Calls + r.Calls));
        return read > 0 ? (double)calls / read : 1.0 / Math.Max(1, pageSize);
    }
}
