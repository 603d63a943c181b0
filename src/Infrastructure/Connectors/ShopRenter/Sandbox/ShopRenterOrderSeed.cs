namespace Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;

/// <summary>An order as a buyer places it in a ShopRenter shop; the emulator stores it in ShopRenter's own shape.</summary>
public sealed record ShopRenterOrderSeed
{
    public required string Firstname { get; init; }
    public required string Lastname { get; init; }
    public required string Email { get; init; }
    public string Phone { get; init; } = "";
    public string TaxNumber { get; init; } = "";
    /// <summary>The registered customer's inner id; null for a guest.</summary>
    public int? CustomerId { get; init; }
    public DateTime Created { get; init; } = new(2026, 12, 1, 10, 0, 0);
    public string Postcode { get; init; } = "1051";
    public string City { get; init; } = "Budapest";
    public string Address1 { get; init; } = "Nádor utca 1.";
    public string CountryName { get; init; } = "Magyarország";
    public string PaymentMethodName { get; init; } = "Utánvét";
    public string PaymentMethodCode { get; init; } = "COD";
    public string ShippingMethodName { get; init; } = "GLS futárszolgálat";
    public decimal ShippingTaxRate { get; init; } = 27;
    public decimal PaymentTaxRate { get; init; } = 27;
    public decimal CouponTaxRate { get; init; } = 27;
    public string Comment { get; init; } = "";
    public string Currency { get; init; } = "HUF";
    /// <summary>0 is an abandoned cart; 1 a new order.</summary>
    public int StatusId { get; init; } = 1;
    public required IReadOnlyList<Line> Lines { get; init; }
    /// <summary>SHIPPING, PAYMENT and COUPON rows (net values; a coupon's is negative).</summary>
    public IReadOnlyList<Total> Totals { get; init; } = [];
    public CouponUse? Coupon { get; init; }

    public sealed record Line(string Sku, string Name, decimal Quantity, decimal NetPrice, decimal TaxRate = 27);
    public sealed record Total(string Type, string Name, decimal Value);
    /// <summary>A coupon: DiscountType PERCENT or FIXED.</summary>
    public sealed record CouponUse(string Code, string DiscountType, decimal Value);
}
