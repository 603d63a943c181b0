using Koppel.Domain.Quota;

namespace Koppel.Infrastructure.Connectors.Unas;

/// <summary>UNAS's call budget, per IP and shop.</summary>
public static class UnasQuota
{
    public static readonly SystemQuota Declaration = new("unas", "UNAS",
    [
        // unas.hu knowledge base "API limitations" as quoted by open-source UNAS clients (the exact figures are not
        // confirmed by UNAS itself): about 2,000 calls an hour overall on PREMIUM, 6,000 on VIP. PREMIUM is declared.
        // The tighter per-function caps (about 30 an hour for multi-record getOrder/getProduct) are not declared: the
        // hub counts calls per system, not per function.
        new QuotaBudget(2_000, 1, QuotaUnit.Hour, QuotaCounting.Calendar, "unas.hu knowledge base, API limitations (secondary sources): PREMIUM hourly limit"),
    ])
    {
        // getOrder returns at most 500 orders per call.
        RecordsPerPage = 500,
    };
}
