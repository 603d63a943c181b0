using Koppel.Domain.Quota;

namespace Koppel.Domain.Tests.Quota;

internal static class QuotaSamples
{
    /// <summary>Exact Online's documented limits: 60 a calendar minute and 5,000 a day per division.</summary>
    public static readonly SystemQuota Exact = new("exactOnline", "Exact Online",
    [
        new QuotaBudget(60, 1, QuotaUnit.Minute, QuotaCounting.Calendar, "test"),
        new QuotaBudget(5_000, 1, QuotaUnit.Day, QuotaCounting.Calendar, "test"),
    ]);
}
