using Koppel.Domain.Quota;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>Exact Online's call budgets, per app and division.</summary>
public static class ExactOnlineQuota
{
    public static readonly SystemQuota Declaration = new("exactOnline", "Exact Online",
    [
        // Exact knowledge base "API limits": 60 calls per app per division per calendar minute (10:00:00-10:00:59).
        new QuotaBudget(60, 1, QuotaUnit.Minute, QuotaCounting.Calendar, "Exact Online knowledge base, API limits: minutely limit"),
        // Same page: 5,000 calls per app per division per day, reset at the start of the next day. Premium licences
        // allow more; the standard figure is declared so a forecast never counts on a licence the tenant may not have.
        new QuotaBudget(5_000, 1, QuotaUnit.Day, QuotaCounting.Calendar, "Exact Online knowledge base, API limits: daily limit"),
    ])
    {
        // Exact does not say in which time zone its day turns; its X-RateLimit-Reset is in UTC epoch milliseconds, so UTC.
        DayZone = TimeZoneInfo.Utc,
        // The REST endpoints the hub reads return 60 records a page.
        RecordsPerPage = 60,
    };
}
