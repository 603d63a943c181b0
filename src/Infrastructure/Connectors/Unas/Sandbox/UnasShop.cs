using System.Globalization;
using System.Xml.Linq;
using static Koppel.Infrastructure.Connectors.Unas.Sandbox.UnasXml;

namespace Koppel.Infrastructure.Connectors.Unas.Sandbox;

/// <summary>One emulated UNAS shop: orders, products with main and additional-warehouse stock, and warehouses.</summary>
internal sealed partial class UnasShop(string shopId, string apiKey)
{
    /// <summary>UNAS returns at most this many orders per getOrder call.</summary>
    public const int OrderCap = 500;

    public string ShopId { get; } = shopId;
    public string ApiKey { get; } = apiKey;
    public Lock Gate { get; } = new();
    public List<(int Id, UnasOrderSeed Seed, DateTime Modified)> Orders { get; } = [];
    public List<Product> Products { get; } = [];
    public List<(string Id, string Name)> Warehouses { get; } = [("1", "Külső raktár")];

    public sealed class Product
    {
        public required int Id { get; init; }
        public required string Sku { get; init; }
        public string Name { get; set; } = "";
        public string Unit { get; set; } = "db";
        public string Vat { get; set; } = "27%";
        public decimal NormalNet { get; set; }
        public decimal MainStock { get; set; }
        public Dictionary<string, decimal> WarehouseStock { get; } = [];
        public DateTime Modified { get; set; }
    }

    public int AddOrder(UnasOrderSeed seed, DateTime now)
    {
        var id = Orders.Count == 0 ? 1001 : Orders.Max(o => o.Id) + 1;
        if (seed.Key.Length == 0) seed = seed with { Key = $"{ShopId}-{id}" };
        Orders.Add((id, seed, now));
        return id;
    }

    public XElement GetOrder(XElement p)
    {
        IEnumerable<(int Id, UnasOrderSeed Seed, DateTime Modified)> orders = Orders;
        if (p.Element("Key")?.Value is { Length: > 0 } key) orders = orders.Where(o => o.Seed.Key == key);
        if (p.Element("InvoiceStatus") is { } invoice) orders = orders.Where(o => o.Seed.InvoiceStatus.ToString(CultureInfo.InvariantCulture) == invoice.Value);
        if (Long(p.Element("TimeModStart")) is { } modStart) orders = orders.Where(o => Unix(o.Modified) >= modStart);
        if (Long(p.Element("TimeModEnd")) is { } modEnd) orders = orders.Where(o => Unix(o.Modified) <= modEnd);
        if (Long(p.Element("TimeStart")) is { } start) orders = orders.Where(o => Unix(o.Seed.Date) >= start);
        if (p.Element("InvoiceAutoSet") is not null)
            throw new UnasFault("InvoiceAutoSet is not allowed for this API key in the sandbox (it would mark orders invoiced).");
        // Oldest change first, so a modified-time cursor can move forward page by page.
        var sorted = orders.OrderBy(o => o.Modified).ThenBy(o => o.Id);
        var offset = (int)(Long(p.Element("LimitStart")) ?? 0);
        var limit = (int)Math.Min(Long(p.Element("LimitNum")) ?? OrderCap, OrderCap);
        return new XElement("Orders", sorted.Skip(offset).Take(limit).Select(o => RenderOrder(o.Id, o.Seed, o.Modified)));
    }

    public XElement GetProduct(XElement p)
    {
        IEnumerable<Product> products = Products.OrderBy(x => x.Id);
        if (p.Element("Sku")?.Value is { Length: > 0 } skus)
        {
            var wanted = skus.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            products = products.Where(x => wanted.Contains(x.Sku));
        }
        var offset = (int)(Long(p.Element("LimitStart")) ?? 0);
        var limit = (int)(Long(p.Element("LimitNum")) ?? int.MaxValue);
        return new XElement("Products", products.Skip(offset).Take(limit).Select(RenderProduct));
    }

    public XElement GetWarehouse() =>
        new("Warehouses", Warehouses.Select(w => new XElement("Warehouse", new XElement("Id", w.Id), new XElement("Name", w.Name), new XElement("PublicName", w.Name))));

    public XElement RenderProduct(Product x) => new("Product",
        new XElement("State", "live"), new XElement("Id", x.Id), new XElement("Sku", x.Sku), new XElement("Name", x.Name),
        new XElement("Unit", x.Unit), new XElement("LastModTime", Unix(x.Modified)),
        new XElement("Prices", new XElement("Vat", x.Vat),
            new XElement("Price", new XElement("Type", "normal"), new XElement("Net", Number(x.NormalNet)), new XElement("Gross", Number(Math.Round(x.NormalNet * (1 + VatRate(x.Vat) / 100), 2))))),
        new XElement("Stocks", new XElement("Status", new XElement("Active", "1"), new XElement("Empty", "0")),
            new XElement("Stock", new XElement("IsActive", "yes"), new XElement("Qty", Number(x.MainStock))),
            x.WarehouseStock.Select(w => new XElement("Stock", new XElement("WarehouseId", w.Key), new XElement("IsActive", "yes"), new XElement("Qty", Number(w.Value))))));

    private static XElement RenderOrder(int id, UnasOrderSeed o, DateTime modified)
    {
        XElement Address(string kind) => new(kind, new XElement("Name", o.Name), new XElement("ZIP", o.Zip), new XElement("City", o.City),
            new XElement("Street", o.Street), new XElement("Country", o.Country), new XElement("TaxNumber", o.TaxNumber));
        return new XElement("Order",
            new XElement("Key", o.Key), new XElement("Id", id),
            new XElement("Date", o.Date.ToString("yyyy.MM.dd HH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement("DateMod", modified.ToString("yyyy.MM.dd HH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement("Lang", "hu"), new XElement("Currency", o.Currency),
            new XElement("Status", "Új rendelés"), new XElement("StatusType", "open_normal"),
            new XElement("Coupon", o.Coupon),
            new XElement("SumPriceGross", Number(o.Items.Sum(i => Math.Round(i.PriceNet * (1 + VatRate(i.Vat) / 100), 2) * i.Quantity))),
            new XElement("Comments", o.Comment.Length == 0 ? null : new XElement("Comment", new XElement("Type", "customer"), new XElement("Text", new XCData(o.Comment)))),
            new XElement("Payment", new XElement("Id", "1"), new XElement("Name", o.Payment), new XElement("Type", "transfer"), new XElement("Status", "unpaid")),
            new XElement("Shipping", new XElement("Id", "2"), new XElement("Name", o.Shipping)),
            new XElement("Invoice", new XElement("Status", o.InvoiceStatus)),
            new XElement("Customer",
                new XElement("Id", o.CustomerId?.ToString(CultureInfo.InvariantCulture) ?? ""), new XElement("Email", o.Email),
                new XElement("Username", o.Username ?? ""),
                new XElement("Contact", new XElement("Name", o.Name), new XElement("Phone", o.Phone), new XElement("Mobile", "")),
                new XElement("Addresses", Address("Invoice"), Address("Shipping"))),
            new XElement("Items", o.Items.Select((i, n) => new XElement("Item",
                new XElement("Id", ServiceMarkers.Contains(i.Sku) ? i.Sku : (n + 1).ToString(CultureInfo.InvariantCulture)),
                new XElement("Sku", i.Sku), new XElement("Name", i.Name), new XElement("Unit", i.Unit),
                new XElement("Quantity", Number(i.Quantity)), new XElement("PriceNet", Number(i.PriceNet)),
                new XElement("PriceGross", Number(Math.Round(i.PriceNet * (1 + VatRate(i.Vat) / 100), 2))), new XElement("Vat", i.Vat)))));
    }

    /// <summary>The fixed identifiers UNAS gives service lines (shipping fee, handling fee, discounts, gift).</summary>
    public static readonly HashSet<string> ServiceMarkers = ["shipping-cost", "handel-cost", "discount-amount", "discount-percent", "gift"];

    public static decimal VatRate(string vat) =>
        decimal.TryParse(vat.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) ? rate : 0;

    public static long Unix(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();
}
