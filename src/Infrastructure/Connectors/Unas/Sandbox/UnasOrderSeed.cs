namespace Koppel.Infrastructure.Connectors.Unas.Sandbox;

/// <summary>An order as a buyer places it in an UNAS shop; the emulator answers it in UNAS's XML.</summary>
public sealed record UnasOrderSeed
{
    /// <summary>The order key (e.g. "12345-678"); the emulator makes one when left empty.</summary>
    public string Key { get; init; } = "";
    /// <summary>The registered customer's id; null for a guest (UNAS then sends an empty Id).</summary>
    public int? CustomerId { get; init; }
    public string? Username { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string Phone { get; init; } = "";
    public string Zip { get; init; } = "6720";
    public string City { get; init; } = "Szeged";
    public string Street { get; init; } = "Kárász utca 5.";
    public string Country { get; init; } = "Magyarország";
    public string TaxNumber { get; init; } = "";
    public DateTime Date { get; init; } = new(2026, 12, 1, 9, 0, 0);
    public string Currency { get; init; } = "HUF";
    public string Payment { get; init; } = "Átutalás";
    public string Shipping { get; init; } = "MPL házhoz";
    public string Comment { get; init; } = "";
    public string Coupon { get; init; } = "";
    /// <summary>0 not invoiceable, 1 invoiceable, 2 invoiced.</summary>
    public int InvoiceStatus { get; init; }
    public required IReadOnlyList<Item> Items { get; init; }

    /// <summary>A product line, or a service line when <see cref="Sku"/> is one of UNAS's fixed markers (shipping-cost...).</summary>
    public sealed record Item(string Sku, string Name, decimal Quantity, decimal PriceNet, string Vat = "27%", string Unit = "db");
}
