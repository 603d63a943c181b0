using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>
/// Reads a ShopRenter order (orderExtend, full) into a <see cref="WebshopOrder"/>: products from orderProducts
/// (quantity = stock1..4), services from orderTotals (SHIPPING, PAYMENT, COUPON), every scalar a string.
/// </summary>
public static class ShopRenterOrderReader
{
    /// <returns>The order, or the reason it cannot be read.</returns>
    public static (WebshopOrder? Order, string? Problem) Read(JsonObject o, string webshopKey)
    {
        var innerId = Text(o, "innerId");
        if (innerId.Length == 0) return (null, "the order has no innerId");
        if (!DateTime.TryParseExact(Text(o, "dateCreated"), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, $"dateCreated \"{Text(o, "dateCreated")}\" is not a ShopRenter date");
        var lines = new List<OrderLine>();
        foreach (var p in (o["orderProducts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var sku = Text(p, "sku");
            if (sku.Length == 0) return (null, $"the product line \"{Text(p, "name")}\" has no SKU, so it cannot be matched by product code");
            var quantity = Enumerable.Range(1, 4).Sum(i => Number(p, $"stock{i}"));
            lines.Add(new OrderLine(sku, Text(p, "name"), quantity, "db", Number(p, "price"), VatKeys.ShortName(Text(p, "taxRate"))));
        }
        if (lines.Count == 0) return (null, "the order has no product lines");

        var services = new List<ServiceLine>();
        foreach (var t in (o["orderTotals"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var value = Number(t, "value");
            if (value == 0) continue;
            ServiceKind kind;
            string rate;
            switch (Text(t, "type"))
            {
                case "SHIPPING": (kind, rate) = (ServiceKind.Shipping, "shippingMethodTaxRate"); break;
                case "PAYMENT": (kind, rate) = (ServiceKind.PaymentFee, "paymentMethodTaxRate"); break;
                case "COUPON": (kind, rate) = (ServiceKind.Coupon, "couponTaxRate"); break;
                default: continue; // sub-totals, VAT, totals and loyalty points are not services
            }
            var name = TrimLabel(Text(t, "name"));
            services.Add(new ServiceLine(kind, name, value, VatKeys.ShortName(Text(o, rate) is { Length: > 0 } vat ? vat : "27"),
                kind == ServiceKind.Coupon && o["coupon"]?["discountType"]?.ToString() == "PERCENT" ? Number(o["coupon"]!.AsObject(), "value") : null));
        }

        var name1 = $"{Text(o, "lastname")} {Text(o, "firstname")}".Trim();
        var buyer = new Buyer(CustomerId(o["customer"]?["href"]?.ToString()), name1, Text(o, "email"), Text(o, "phone"), Text(o, "taxNumber"),
            Address(o, "payment"), Address(o, "shipping"));
        return (new WebshopOrder
        {
            WebshopKey = webshopKey, OrderId = innerId, Code = innerId, Date = date,
            Currency = o["currency"]?["code"]?.ToString() is { Length: > 0 } c ? c : "HUF",
            Buyer = buyer, Lines = lines, Services = services,
            PaymentMethod = Text(o, "paymentMethodName"), ShippingMethod = Text(o, "shippingMethodName"), Comment = Text(o, "comment"),
        }, null);
    }

    /// <summary>The numeric id inside a customer link (".../customers/Y3VzdG9tZXItY3VzdG9tZXJfaWQ9NTAx" -> "501").</summary>
    public static string? CustomerId(string? href)
    {
        if (string.IsNullOrEmpty(href)) return null;
        var id = href[(href.LastIndexOf('/') + 1)..];
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(id));
            return text.Contains('=') ? text[(text.IndexOf('=') + 1)..] : id;
        }
        catch (FormatException)
        {
            return id;
        }
    }

    // ShopRenter labels totals for the receipt ("Szállítási díj:"): the service name is the label without the colon.
    private static string TrimLabel(string name) => name.Trim().TrimEnd(':').Trim();

    private static Address Address(JsonObject o, string side) =>
        new(Text(o, $"{side}Postcode"), Text(o, $"{side}City"), $"{Text(o, $"{side}Address1")} {Text(o, $"{side}Address2")}".Trim(), Text(o, $"{side}CountryName"));

    private static string Text(JsonObject o, string name) => o[name]?.ToString() ?? "";

    private static decimal Number(JsonObject o, string name) =>
        decimal.TryParse(Text(o, name), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0;
}
