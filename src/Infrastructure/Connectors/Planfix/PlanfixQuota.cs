using Koppel.Domain.Quota;

namespace Koppel.Infrastructure.Connectors.Planfix;

/// <summary>Planfix's request budgets, per account token.</summary>
public static class PlanfixQuota
{
    public static readonly SystemQuota Declaration = new("planfix", "Planfix",
    [
        // Planfix REST API introduction: 1 request per second.
        new QuotaBudget(1, 1, QuotaUnit.Second, QuotaCounting.Rolling, "Planfix REST API introduction: 1 request per second"),
        // Same page: 20,000 / 50,000 / 100,000 requests a day by plan (code 22 when spent). The smallest plan's figure,
        // so the forecast warns early rather than late on an account whose plan the hub cannot read.
        new QuotaBudget(20_000, 1, QuotaUnit.Day, QuotaCounting.Calendar, "Planfix REST API introduction: daily request limit of the smallest plan"),
    ])
    {
        // Lists return at most 100 items per call.
        RecordsPerPage = 100,
    };
}
