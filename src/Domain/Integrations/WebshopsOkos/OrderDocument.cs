using System.Globalization;
using System.Text.Json.Nodes;

namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>The ERP ids an order's document refers to, found or created before it is posted.</summary>
public sealed record ResolvedOrder(
    string CustomerId,
    IReadOnlyDictionary<string, string> ProductIds,
    IReadOnlyDictionary<string, string> ServiceIds,
    string PaymentMethodId,
    string ShippingMethodId);

/// <summary>An order becomes one ERP order document in the webshop's numbering sequence and warehouse.</summary>
public static class OrderDocument
{
    public static JsonObject Build(WebshopOrder order, ResolvedOrder ids, WebshopSettings shop)
    {
        var lines = new JsonArray();
        foreach (var line in order.Lines)
            lines.Add(new JsonObject
            {
                ["productId"] = ids.ProductIds[line.Code], ["description"] = line.Name, ["quantity"] = line.Quantity, ["unit"] = line.Unit,
                ["netUnitPrice"] = line.NetUnitPrice, ["vatKey"] = line.VatKey,
            });
        foreach (var service in order.Services)
        {
            var json = new JsonObject
            {
                ["serviceId"] = ids.ServiceIds[service.Name], ["description"] = service.Name, ["quantity"] = 1m, ["unit"] = "db",
                ["netUnitPrice"] = service.NetAmount, ["vatKey"] = service.VatKey,
            };
            if (service.DiscountPercent is { } percent) json["discountPercent"] = percent;
            lines.Add(json);
        }
        return new JsonObject
        {
            ["type"] = "order", ["numberingSequence"] = shop.NumberingSequence, ["externalId"] = order.ExternalId,
            ["customerId"] = ids.CustomerId, ["warehouseId"] = shop.WarehouseId,
            ["date"] = order.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["currency"] = order.Currency,
            ["headerNote"] = order.Code, ["internalNote"] = order.Comment,
            ["paymentMethodId"] = ids.PaymentMethodId, ["shippingMethodId"] = ids.ShippingMethodId,
            ["lines"] = lines,
        };
    }

    /// <summary>A product the ERP lacks, created from the order line (the seeds: "new product: its data is downloaded").</summary>
    public static JsonObject NewProduct(OrderLine line) => new()
    {
        ["code"] = line.Code, ["name"] = line.Name, ["unit"] = line.Unit, ["vatKey"] = line.VatKey, ["netSalesPrice"] = line.NetUnitPrice,
    };
}
