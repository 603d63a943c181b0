using System.Text.Json.Nodes;

namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>How the ERP is searched for an order's buyer, per the seeds.</summary>
/// <param name="WebshopCustomerId">Registered buyers: <c>&lt;webshop key&gt;:&lt;shop's customer id&gt;</c>.</param>
/// <param name="Name">Guests: name and e-mail together.</param>
public sealed record CustomerLookup(string? WebshopCustomerId, string? Name, string? Email);

/// <summary>Registered buyers by the shop's customer id; guests by name + e-mail; otherwise a new ERP customer from the order.</summary>
public static class CustomerMatch
{
    public static CustomerLookup LookupFor(WebshopOrder order) =>
        order.Buyer.ShopCustomerId is { Length: > 0 } id
            ? new CustomerLookup($"{order.WebshopKey}:{id}", null, null)
            : new CustomerLookup(null, order.Buyer.Name, order.Buyer.Email);

    /// <summary>The ERP customer created from the order's buyer data when no match exists.</summary>
    public static JsonObject NewCustomer(WebshopOrder order)
    {
        var b = order.Buyer;
        var customer = new JsonObject
        {
            ["name"] = b.Name, ["email"] = b.Email, ["phone"] = b.Phone, ["taxNumber"] = b.TaxNumber,
            ["billingAddress"] = Address(b.Billing), ["shippingAddress"] = Address(b.Shipping),
        };
        if (LookupFor(order).WebshopCustomerId is { } id) customer["webshopCustomerId"] = id;
        return customer;
    }

    private static JsonObject Address(Address a) => new() { ["zip"] = a.Zip, ["city"] = a.City, ["street"] = a.Street, ["country"] = a.Country };
}
