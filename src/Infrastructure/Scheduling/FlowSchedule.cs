using System.Globalization;
using Cronos;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>
/// A flow's schedule as support types it: whole minutes ("30") or a cron expression, five fields ("*/5 * * * *")
/// or six with seconds first ("0 0/5 * * * ?", the form the Quartz scheduler stored). Either way a flow runs at
/// most once a minute: the same floor for both forms. A cron read in a time zone other than UTC carries the zone first,
/// as cron itself writes it: "CRON_TZ=Europe/Amsterdam 0 3 * * *" (03:00 in Amsterdam, summer and winter).
/// </summary>
public static class FlowSchedule
{
    public const int MinMinutes = 1;
    public const int MaxMinutes = 7 * 24 * 60;

    /// <summary>Null when valid, else why not.</summary>
    public static string? Problem(string? schedule, DateTime? now = null)
    {
        if (string.IsNullOrWhiteSpace(schedule)) return "A schedule is required: minutes between runs (e.g. 30) or a cron expression.";
        if (Minutes(schedule) is { } minutes)
            return minutes is >= MinMinutes and <= MaxMinutes ? null : $"Minutes between runs must be between {MinMinutes} and {MaxMinutes} (one week).";
        var fields = WithoutZone(schedule, out _).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 6 && !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return $"\"{schedule}\" would run more than once a minute: the seconds field must be one number (e.g. 0).";
        if (Cron(schedule) is not { } cron) return $"\"{schedule}\" is neither a number of minutes nor a valid cron expression.";
        return cron.Next(now ?? DateTime.UtcNow) is null
            ? $"\"{schedule}\" never runs: it has no future date."
            : null;
    }

    /// <summary>
    /// When a flow is first due, or due again after its schedule changed: one interval after its last run (or now if
    /// that is past or it never ran), or the cron's first occurrence after its last run. A hub that was down runs
    /// the flow once, not once per missed slot.
    /// </summary>
    public static DateTime FirstDue(string schedule, DateTime? lastRunAt, DateTime now)
    {
        var due = Minutes(schedule) is { } minutes
            ? lastRunAt?.AddMinutes(minutes) ?? now
            : Cron(schedule)?.Next(lastRunAt ?? now) ?? DateTime.MaxValue;
        return due < now ? now : due;
    }

    /// <summary>
    /// The due time after <paramref name="due"/> once a run was started for it at <paramref name="now"/>: the next slot
    /// of the rhythm that is still ahead, so a late start neither drifts the rhythm nor queues the slots it missed.
    /// </summary>
    public static DateTime NextDue(string schedule, DateTime due, DateTime now)
    {
        if (Minutes(schedule) is { } minutes)
        {
            var interval = TimeSpan.FromMinutes(Math.Clamp(minutes, MinMinutes, MaxMinutes));
            var slots = Math.Max(1, (long)Math.Floor((now - due) / interval) + 1);
            return due + interval * slots;
        }
        return Cron(schedule)?.Next(now) ?? DateTime.MaxValue;
    }

    /// <summary>
    /// How many runs the schedule starts from <paramref name="firstDue"/> (itself included) up to <paramref name="until"/>:
    /// what the quota forecast multiplies by a run's calls. Counted slot by slot, at most one a minute, so it ends.
    /// </summary>
    public static int RunsBetween(string schedule, DateTime firstDue, DateTime until)
    {
        var runs = 0;
        for (var due = firstDue; due < until && runs < MaxRunsCounted; due = NextDue(schedule, due, due)) runs++;
        return runs;
    }

    // A day has 1,440 minute slots; a week is the longest span anyone asks about.
    private const int MaxRunsCounted = 7 * 24 * 60;

    private static int? Minutes(string schedule) =>
        int.TryParse(schedule, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : null;

    /// <summary>A cron expression with the zone its times are read in.</summary>
    private sealed record ZonedCron(CronExpression Expression, TimeZoneInfo Zone)
    {
        public DateTime? Next(DateTime fromUtc) => Expression.GetNextOccurrence(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), Zone);
    }

    private static ZonedCron? Cron(string schedule)
    {
        var expression = WithoutZone(schedule, out var zoneId);
        TimeZoneInfo zone = TimeZoneInfo.Utc;
        if (zoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone!)) return null;
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return fields is 5 or 6 && CronExpression.TryParse(expression, format, out var cron) ? new ZonedCron(cron, zone) : null;
    }

    private const string ZonePrefix = "CRON_TZ=";

    private static string WithoutZone(string schedule, out string? zone)
    {
        zone = null;
        var trimmed = schedule.Trim();
        if (!trimmed.StartsWith(ZonePrefix, StringComparison.Ordinal)) return trimmed;
        var space = trimmed.IndexOf(' ');
        if (space < 0) return trimmed;
        zone = trimmed[ZonePrefix.Length..space];
        return trimmed[(space + 1)..];
    }
}
