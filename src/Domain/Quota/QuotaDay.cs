namespace Koppel.Domain.Quota;

/// <summary>
/// One system's day for one tenant: its daily limit, the calls made so far, what the schedules will still spend,
/// and what that comes to at midnight.
/// </summary>
public sealed record QuotaDay(SystemQuota Quota, long Used, long ScheduledRestOfToday, long ScheduledPerDay)
{
    /// <summary>The share of the limit at which the forecast warns: early enough to act before calls get refused.</summary>
    public const double WarningShare = 0.8;

    public long? Limit => Quota.DailyLimit;
    public long Forecast => Used + ScheduledRestOfToday;

    public QuotaStatus Status =>
        Limit is not { } limit ? QuotaStatus.Ok
        : Used >= limit ? QuotaStatus.Exhausted
        : Forecast >= limit * WarningShare ? QuotaStatus.Warning
        : QuotaStatus.Ok;

    /// <summary>Calls still free today once the schedules have had theirs; null without a limit.</summary>
    public long? SpareToday => Limit is { } limit ? Math.Max(0, limit - Forecast) : null;

    /// <summary>Calls a whole day leaves over after the schedules' own daily need; null without a limit.</summary>
    public long? SparePerDay => Limit is { } limit ? Math.Max(0, limit - ScheduledPerDay) : null;

    /// <summary>
    /// Whether a run estimated to make <paramref name="calls"/> calls would push today's use over the limit. Only the
    /// calls already made count against it, not the schedules still to come: those are the work the run must not crowd out,
    /// but they are forecasts, and a deferred run waits a whole schedule slot.
    /// </summary>
    public bool WouldExceed(long calls) => Limit is { } limit && Used + calls > limit;

    /// <summary>The sentence a deferred run records: the system, its budget and today's use.</summary>
    public string DeferralReason(long calls) =>
        $"Deferred to its next schedule: it would make about {calls:N0} calls to {Quota.Name}, whose budget is " +
        $"{Quota.Binding!.Words}, and {Used:N0} of them are used today.";
}
