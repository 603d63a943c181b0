namespace Koppel.Domain.Quota;

public enum QuotaUnit
{
    Second = 1,
    Minute = 2,
    Hour = 3,
    Day = 4,
}

/// <summary>How a system counts a budget's period: its calls are what the hub compares, the counting says when they start again.</summary>
public enum QuotaCounting
{
    /// <summary>A fixed window on the clock (10:00:00-10:00:59, a calendar day): everything starts again at its edge.</summary>
    Calendar = 1,
    /// <summary>The last period back from now: each call frees up one period after it was made.</summary>
    Rolling = 2,
    /// <summary>A bucket that refills steadily (MoySklad's units per 3 seconds): a sustained rate, not a count to spend.</summary>
    Bucket = 3,
}

/// <summary>
/// One documented limit of an external system: <see cref="Calls"/> per <see cref="Every"/> <see cref="Unit"/>s, per
/// account as the system counts accounts (Exact's app and division, UNAS's shop). <see cref="Source"/> names where
/// the figure comes from, so nobody has to guess whether it is documented or assumed.
/// </summary>
public sealed record QuotaBudget(int Calls, int Every, QuotaUnit Unit, QuotaCounting Counting, string Source)
{
    public TimeSpan Period => Unit switch
    {
        QuotaUnit.Second => TimeSpan.FromSeconds(Every),
        QuotaUnit.Minute => TimeSpan.FromMinutes(Every),
        QuotaUnit.Hour => TimeSpan.FromHours(Every),
        _ => TimeSpan.FromDays(Every),
    };

    /// <summary>
    /// The most calls this budget lets through in one day: the budget itself for a day, and the budget times the
    /// periods of a day for shorter ones (60 a minute allows 86,400 a day, so Exact's 5,000 a day is what binds).
    /// </summary>
    public long PerDay => (long)Math.Floor(Calls * (TimeSpan.FromDays(1) / Period));

    /// <summary>"5,000 a day", "3 a second", "45 per 3 seconds".</summary>
    public string Words
    {
        get
        {
            var unit = Unit.ToString().ToLowerInvariant();
            return Every == 1 ? $"{Calls:N0} a {unit}" : $"{Calls:N0} per {Every} {unit}s";
        }
    }
}
