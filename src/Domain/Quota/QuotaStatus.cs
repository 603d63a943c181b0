namespace Koppel.Domain.Quota;

public enum QuotaStatus
{
    /// <summary>The day's forecast stays under the warning share of the budget (or the system declares none).</summary>
    Ok = 1,
    /// <summary>The forecast for the day reaches the warning share of the budget, or goes over it.</summary>
    Warning = 2,
    /// <summary>Today's calls have used the budget up: further calls get refused until the day turns.</summary>
    Exhausted = 3,
}
