namespace Koppel.Domain.Quota;

/// <summary>
/// What a connector declares about one external system's limits: the key its calls are counted under (the
/// connection key's part before the first colon, as on a run's calls), its budgets, and the day its daily use is
/// counted in. A system with no documented limits declares no budgets: its use is shown, never judged.
/// </summary>
public sealed record SystemQuota(string System, string Name, IReadOnlyList<QuotaBudget> Budgets)
{
    /// <summary>
    /// The time zone whose midnight starts the system's day (UTC unless the system documents another; Exact does not say).
    /// </summary>
    public TimeZoneInfo DayZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// How many records one list call returns: what a full resync costs on the system before any run has measured it.
    /// </summary>
    public int RecordsPerPage { get; init; } = 100;

    /// <summary>The most calls the tightest budget allows in a day; null when the system declares none.</summary>
    public long? DailyLimit => Budgets.Count == 0 ? null : Budgets.Min(b => b.PerDay);

    /// <summary>The budget that sets <see cref="DailyLimit"/>.</summary>
    public QuotaBudget? Binding => Budgets.Count == 0 ? null : Budgets.MinBy(b => b.PerDay);

    /// <summary>When the system's current day began, in UTC.</summary>
    public DateTime DayStart(DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), DayZone);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Date, DateTimeKind.Unspecified), DayZone);
    }

    /// <summary>When the system's current day ends (its next midnight), in UTC.</summary>
    public DateTime DayEnd(DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), DayZone);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Date.AddDays(1), DateTimeKind.Unspecified), DayZone);
    }
}
