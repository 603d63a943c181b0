using Koppel.Domain.Integrations.WebshopsOkos;

namespace Koppel.Domain.Tests.Integrations.WebshopsOkos;

/// <summary>Orders and open documents as the tests build them.</summary>
internal static class Orders
{
    public static readonly Address Budapest = new("1051", "Budapest", "Nádor utca 1.", "Magyarország");

    public static WebshopOrder Of(string? customerId = null, string vat = "27%", params ServiceLine[] services) => new()
    {
        WebshopKey = "sr1", OrderId = "172", Code = "172", Date = new DateTime(2026, 12, 1, 10, 0, 0),
        Buyer = new Buyer(customerId, "Kovács Anna", "anna@example.hu", "+36 30 123 4567", "", Budapest, Budapest),
        Lines = [new OrderLine("KB-100", "Kerti szék", 2, "db", 12000, vat)],
        Services = services, PaymentMethod = "Utánvét", ShippingMethod = "GLS", Comment = "Délután hozzák",
    };

    public static OpenOrder Open(string number, int day, params (string Code, decimal Quantity)[] lines) =>
        new(number, number, new DateTime(2026, 12, day), "1", "Vevő", lines.Select(l => new OpenOrderLine(l.Code, l.Code, l.Quantity)).ToList());
}
