using Koppel.Domain.Quota;

namespace Koppel.Infrastructure.Connectors.ShopRenter;

/// <summary>ShopRenter's request budget, per application and shop.</summary>
public static class ShopRenterQuota
{
    public static readonly SystemQuota Declaration = new("shoprenter", "ShopRenter",
    [
        // ShopRenter API documentation, rate limit: 3 requests a second per application per shop (429 beyond).
        new QuotaBudget(3, 1, QuotaUnit.Second, QuotaCounting.Rolling, "ShopRenter API documentation: 3 requests per second per application and shop"),
    ])
    {
        // Lists page up to 200 items.
        RecordsPerPage = 200,
    };
}
