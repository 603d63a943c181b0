using System.Globalization;
using System.Xml.Linq;

namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>
/// Reads an UNAS order (getOrder's &lt;Order&gt;) into a <see cref="WebshopOrder"/>. Service lines arrive as items with
/// fixed markers in Id or Sku (sources differ: both are checked): shipping-cost, handel-cost, discount-amount,
/// discount-percent.
/// </summary>
public static class UnasOrderReader
{
    private static readonly Dictionary<string, ServiceKind> Markers = new(StringComparer.Ordinal)
    {
        ["shipping-cost"] = ServiceKind.Shipping, ["handel-cost"] = ServiceKind.PaymentFee,
        ["discount-amount"] = ServiceKind.FixedDiscount, ["discount-percent"] = ServiceKind.PercentDiscount,
    };

    public static (WebshopOrder? Order, string? Problem) Read(XElement o, string webshopKey)
    {
        var key = Text(o, "Key");
        if (key.Length == 0) return (null, "the order has no Key");
        if (Date(Text(o, "Date")) is not { } date) return (null, $"Date \"{Text(o, "Date")}\" is not an UNAS date");
        var lines = new List<OrderLine>();
        var services = new List<ServiceLine>();
        foreach (var item in o.Element("Items")?.Elements("Item") ?? [])
        {
            var id = Text(item, "Id");
            var sku = Text(item, "Sku");
            var quantity = Number(item, "Quantity");
            var vat = VatKeys.ShortName(Text(item, "Vat") is { Length: > 0 } v ? v : "27%");
            if (Markers.TryGetValue(id, out var kind) || Markers.TryGetValue(sku, out kind))
                services.Add(new ServiceLine(kind, Text(item, "Name"), Number(item, "PriceNet") * (quantity == 0 ? 1 : quantity), vat));
            else if (id == "gift" || sku == "gift")
                continue; // a free gift carries no price and no stock of the hub's concern
            else if (sku.Length == 0)
                return (null, $"the item \"{Text(item, "Name")}\" has no Sku, so it cannot be matched by product code");
            else
                lines.Add(new OrderLine(sku, Text(item, "Name"), quantity, Text(item, "Unit") is { Length: > 0 } u ? u : "db", Number(item, "PriceNet"), vat));
        }
        if (lines.Count == 0) return (null, "the order has no product lines");

        var customer = o.Element("Customer");
        var contact = customer?.Element("Contact");
        var addresses = customer?.Element("Addresses");
        var billing = Address(addresses?.Element("Invoice"));
        // The UNAS seed matches every buyer by name + e-mail ("Ügyfelek párosítása: név és e-mail cím alapján"), registered
        // or not, so the shop's customer id is not used for matching (the ShopRenter seed does use it).
        var buyer = new Buyer(null,
            contact is not null && Text(contact, "Name") is { Length: > 0 } n ? n : Text(addresses?.Element("Invoice"), "Name"),
            customer is null ? "" : Text(customer, "Email"), contact is null ? "" : Text(contact, "Phone"),
            Text(addresses?.Element("Invoice"), "TaxNumber"), billing, addresses?.Element("Shipping") is { } s ? Address(s) : billing);
        var comment = o.Element("Comments")?.Elements("Comment").FirstOrDefault(c => Text(c, "Type") == "customer");
        return (new WebshopOrder
        {
            WebshopKey = webshopKey, OrderId = key, Code = key, Date = date,
            Currency = Text(o, "Currency") is { Length: > 0 } c ? c : "HUF",
            Buyer = buyer, Lines = lines, Services = services,
            PaymentMethod = Text(o.Element("Payment"), "Name"), ShippingMethod = Text(o.Element("Shipping"), "Name"),
            Comment = comment is null ? "" : Text(comment, "Text"),
            InvoiceStatus = int.TryParse(Text(o.Element("Invoice"), "Status"), out var status) ? status : null,
        }, null);
    }

    /// <summary>UNAS writes dates as "2026.12.01 09:00:00" or as unix seconds.</summary>
    public static DateTime? Date(string text)
    {
        if (DateTime.TryParseExact(text, ["yyyy.MM.dd HH:mm:ss", "yyyy.MM.dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime : null;
    }

    private static Address Address(XElement? a) =>
        new(Text(a, "ZIP"), Text(a, "City"), Text(a, "Street") is { Length: > 0 } street ? street : $"{Text(a, "StreetName")} {Text(a, "StreetType")} {Text(a, "StreetNumber")}".Trim(), Text(a, "Country"));

    private static string Text(XElement? e, string name) => e?.Element(name)?.Value.Trim() ?? "";

    private static decimal Number(XElement e, string name) =>
        decimal.TryParse(Text(e, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0;
}
