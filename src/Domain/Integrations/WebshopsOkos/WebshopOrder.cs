namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>
/// A webshop order in the words both seeds use, read from ShopRenter or UNAS: the buyer, product lines, service
/// lines (shipping, fees, discounts, coupon), payment and shipping method, the order code and the buyer's comment.
/// </summary>
public sealed record WebshopOrder
{
    public required string WebshopKey { get; init; }
    /// <summary>The shop's own id of the order (ShopRenter id, UNAS Key); with the webshop key it is the ERP's externalId.</summary>
    public required string OrderId { get; init; }
    /// <summary>The order code a person sees (ShopRenter innerId, UNAS Key): goes into the header note.</summary>
    public required string Code { get; init; }
    public required DateTime Date { get; init; }
    public string Currency { get; init; } = "HUF";
    public required Buyer Buyer { get; init; }
    public required IReadOnlyList<OrderLine> Lines { get; init; }
    public IReadOnlyList<ServiceLine> Services { get; init; } = [];
    public string PaymentMethod { get; init; } = "";
    public string ShippingMethod { get; init; } = "";
    /// <summary>The buyer's comment: goes into the internal note.</summary>
    public string Comment { get; init; } = "";
    /// <summary>UNAS only: 0 not invoiceable, 1 invoiceable, 2 invoiced.</summary>
    public int? InvoiceStatus { get; init; }

    /// <summary>The ERP document's externalId: two shops' order 501 never collide.</summary>
    public string ExternalId => $"{WebshopKey}:{OrderId}";
}

/// <param name="ShopCustomerId">The shop's id of a registered buyer; null for a guest.</param>
public sealed record Buyer(string? ShopCustomerId, string Name, string Email, string Phone, string TaxNumber, Address Billing, Address Shipping);

public sealed record Address(string Zip, string City, string Street, string Country);

/// <param name="Code">The product code (ShopRenter sku, UNAS Sku): products are matched by it.</param>
public sealed record OrderLine(string Code, string Name, decimal Quantity, string Unit, decimal NetUnitPrice, string VatKey);

public enum ServiceKind { Shipping, PaymentFee, PercentDiscount, FixedDiscount, Coupon }

/// <summary>A service line, matched in the ERP by <see cref="Name"/>; discounts carry a negative amount.</summary>
public sealed record ServiceLine(ServiceKind Kind, string Name, decimal NetAmount, string VatKey, decimal? DiscountPercent = null);
