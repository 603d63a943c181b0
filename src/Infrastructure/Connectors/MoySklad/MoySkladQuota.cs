using Koppel.Domain.Quota;

namespace Koppel.Infrastructure.Connectors.MoySklad;

/// <summary>MoySklad's request bucket, per user and solution.</summary>
public static class MoySkladQuota
{
    public static readonly SystemQuota Declaration = new("moysklad", "MoySklad",
    [
        // MoySklad JSON API 1.2 "Restrictions": a bucket of 45 units per 3 seconds per user and solution; a request weighs
        // 1 unit with a solution token. The stock reports weigh 5 units: the hub counts them as one call, so the day's
        // figure is an upper bound for accounts that read stock often.
        new QuotaBudget(45, 3, QuotaUnit.Second, QuotaCounting.Bucket, "MoySklad JSON API 1.2, Restrictions: 45 units per 3 seconds"),
    ])
    {
        // Lists page up to 1,000 rows.
        RecordsPerPage = 1_000,
    };
}
