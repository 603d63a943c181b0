using Koppel.Domain.Quota;

namespace Koppel.Infrastructure.Connectors.GoedGepickt;

/// <summary>GoedGepickt's request budget, per IP over all endpoints.</summary>
public static class GoedGepicktQuota
{
    public static readonly SystemQuota Declaration = new("goedgepickt", "GoedGepickt",
    [
        // GoedGepickt API documentation: 150 requests per IP over all endpoints. Its window is cut off in the
        // documentation; a minute is assumed, as the hub's pacing (GoedGepicktClient.Policy) does.
        new QuotaBudget(150, 1, QuotaUnit.Minute, QuotaCounting.Rolling, "GoedGepickt API documentation: 150 requests per IP (window assumed a minute)"),
    ])
    {
        RecordsPerPage = 100,
    };
}
