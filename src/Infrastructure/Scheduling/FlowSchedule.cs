using System.Globalization;
using Quartz;

namespace Koppel.Infrastructure.Scheduling;

/// <summary>A flow's schedule as support types it: whole minutes ("30") or a Quartz cron expression.</summary>
public static class FlowSchedule
{
    /// <summary>Null when valid, else why not.</summary>
    public static string? Problem(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule)) return "A schedule is required: minutes between runs (e.g. 30) or a cron expression.";
        if (int.TryParse(schedule, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            return minutes is >= 1 and <= 7 * 24 * 60 ? null : "Minutes between runs must be between 1 and 10080 (one week).";
        return CronExpression.TryParse(schedule, out _) ? null : $"\"{schedule}\" is neither a number of minutes nor a valid cron expression.";
    }

    public static IScheduleBuilder ToQuartz(string schedule) =>
        int.TryParse(schedule, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            ? SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMinutes(minutes)).RepeatForever()
            : CronScheduleBuilder.Create(schedule);
}
