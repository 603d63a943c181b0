using System.Globalization;
using System.Text.Json.Nodes;
using static Koppel.Infrastructure.Connectors.ShopRenter.Sandbox.ShopRenterFormat;

namespace Koppel.Infrastructure.Connectors.ShopRenter.Sandbox;

/// <summary>One emulated shop: its API clients, orders and products, rendered the way ShopRenter's API shows them.</summary>
internal sealed class ShopRenterShop(string name)
{
    public string Name { get; } = name;
    public Lock Gate { get; } = new();
    public Dictionary<string, string> Clients { get; } = new(StringComparer.Ordinal);
    public List<(int InnerId, ShopRenterOrderSeed Seed, DateTime Updated)> Orders { get; } = [];
    public List<Product> Products { get; } = [];

    public sealed class Product
    {
        public required int InnerId { get; init; }
        public required string Sku { get; set; }
        public string Name { get; set; } = "";
        public decimal Price { get; set; }
        public decimal[] Stock { get; } = new decimal[4];
        public int Status { get; set; } = 1;
        public DateTime Updated { get; set; }
    }

    /// <summary>Fields a product write may carry; others are read-only (40002) or unknown (40005).</summary>
    public static readonly HashSet<string> WritableProductFields = ["sku", "price", "cost", "stock1", "stock2", "stock3", "stock4", "subtractStock", "orderable", "status", "modelNumber", "gtin"];
    public static readonly HashSet<string> ReadOnlyProductFields = ["id", "innerId", "href", "dateCreated", "dateUpdated"];

    public int AddOrder(ShopRenterOrderSeed seed)
    {
        var innerId = Orders.Count == 0 ? 1 : Orders.Max(o => o.InnerId) + 1;
        Orders.Add((innerId, seed, seed.Created));
        return innerId;
    }

    public Product AddProduct(string sku, string name, decimal price, decimal stock1, DateTime now)
    {
        var product = new Product { InnerId = Products.Count + 1, Sku = sku, Name = name, Price = price, Updated = now };
        product.Stock[0] = stock1;
        Products.Add(product);
        return product;
    }

    public JsonObject RenderProduct(Product p, string api) => new()
    {
        ["href"] = $"{api}/products/{Id("product", "product_id", p.InnerId)}",
        ["id"] = Id("product", "product_id", p.InnerId),
        ["innerId"] = p.InnerId.ToString(CultureInfo.InvariantCulture),
        ["sku"] = p.Sku,
        ["price"] = Money(p.Price),
        ["stock1"] = Qty(p.Stock[0]), ["stock2"] = Qty(p.Stock[1]), ["stock3"] = Qty(p.Stock[2]), ["stock4"] = Qty(p.Stock[3]),
        ["status"] = p.Status.ToString(CultureInfo.InvariantCulture),
        ["dateUpdated"] = Date(p.Updated),
        ["productDescriptions"] = new JsonObject { ["href"] = $"{api}/productDescriptions?productId={Id("product", "product_id", p.InnerId)}" },
    };

    public JsonObject RenderOrder(int innerId, ShopRenterOrderSeed o, DateTime updated, string api)
    {
        var id = Id("order", "order_id", innerId);
        var json = new JsonObject
        {
            ["href"] = $"{api}/orderExtend/{id}", ["id"] = id, ["innerId"] = innerId.ToString(CultureInfo.InvariantCulture),
            ["dateCreated"] = Date(o.Created), ["dateUpdated"] = Date(updated),
            ["firstname"] = o.Firstname, ["lastname"] = o.Lastname, ["email"] = o.Email, ["phone"] = o.Phone, ["taxNumber"] = o.TaxNumber,
            ["customer"] = o.CustomerId is { } c ? new JsonObject { ["href"] = $"{api}/customers/{Id("customer", "customer_id", c)}" } : null,
            ["paymentMethodName"] = o.PaymentMethodName, ["paymentMethodCode"] = o.PaymentMethodCode,
            ["paymentMethodTaxRate"] = Money(o.PaymentTaxRate),
            ["shippingMethodName"] = o.ShippingMethodName, ["shippingMethodTaxRate"] = Money(o.ShippingTaxRate),
            ["comment"] = o.Comment,
            ["total"] = Money(Gross(o)),
            ["currency"] = new JsonObject { ["code"] = o.Currency, ["value"] = "1.0000" },
            ["couponTaxRate"] = Money(o.CouponTaxRate),
            ["orderStatus"] = new JsonObject { ["href"] = $"{api}/orderStatuses/{Id("orderStatus", "order_status_id", o.StatusId)}" },
            ["coupon"] = o.Coupon is { } coupon
                ? new JsonObject { ["code"] = coupon.Code, ["discountType"] = coupon.DiscountType, ["value"] = Money(coupon.Value) }
                : null,
        };
        foreach (var side in new[] { "payment", "shipping" })
        {
            json[$"{side}Firstname"] = o.Firstname; json[$"{side}Lastname"] = o.Lastname; json[$"{side}Company"] = "";
            json[$"{side}Address1"] = o.Address1; json[$"{side}Address2"] = ""; json[$"{side}City"] = o.City;
            json[$"{side}Postcode"] = o.Postcode; json[$"{side}CountryName"] = o.CountryName; json[$"{side}ZoneName"] = "";
        }
        json["orderProducts"] = new JsonArray(o.Lines.Select((l, i) => (JsonNode?)new JsonObject
        {
            ["id"] = Id("orderProduct", "order_product_id", innerId * 1000 + i), ["name"] = l.Name, ["sku"] = l.Sku,
            ["price"] = Money(l.NetPrice), ["total"] = Money(l.NetPrice * l.Quantity), ["taxRate"] = Money(l.TaxRate),
            ["stock1"] = Qty(l.Quantity), ["stock2"] = "0", ["stock3"] = "0", ["stock4"] = "0",
            ["product"] = Products.FirstOrDefault(p => p.Sku == l.Sku) is { } p
                ? new JsonObject { ["href"] = $"{api}/products/{Id("product", "product_id", p.InnerId)}" } : null,
        }).ToArray());
        json["orderTotals"] = new JsonArray(o.Totals.Select((t, i) => (JsonNode?)new JsonObject
        {
            ["id"] = Id("orderTotal", "order_total_id", innerId * 1000 + i), ["name"] = t.Name, ["valueText"] = $"{Money(t.Value)} Ft",
            ["value"] = Money(t.Value), ["sortOrder"] = i.ToString(CultureInfo.InvariantCulture), ["key"] = "", ["type"] = t.Type,
        }).ToArray());
        return json;
    }

    private static decimal Gross(ShopRenterOrderSeed o) =>
        o.Lines.Sum(l => l.NetPrice * l.Quantity * (1 + l.TaxRate / 100)) + o.Totals.Sum(t => t.Value * 1.27m);

    private static string Qty(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
