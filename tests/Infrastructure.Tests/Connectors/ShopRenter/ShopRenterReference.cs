namespace Koppel.Infrastructure.Tests.Connectors.ShopRenter;

/// <summary>
/// Facts from ShopRenter's API reference (sr-api-docs fixtures for order_extend, order_product, order_total,
/// product): the fields and filters that exist. Every field the hub's client asks for, reads or writes must be here.
/// </summary>
internal static class ShopRenterReference
{
    public static readonly HashSet<string> OrderExtendQuery =
    [
        "full", "page", "limit", "updatedAtMin", "updatedAtMax", "createdAtMin", "createdAtMax", "createdAt", "updatedAt",
        "innerId", "innerIdMin", "orderStatusId", "email", "excludeAbandonedCart", "excludeStorno", "shippingModeInnerId",
    ];

    public static readonly HashSet<string> ProductQuery = ["full", "page", "limit", "sku", "innerId", "createdAt", "updatedAt", "parentProductId"];

    public static readonly HashSet<string> OrderFields =
    [
        "href", "id", "innerId", "dateCreated", "dateUpdated", "firstname", "lastname", "email", "phone", "taxNumber", "customer", "customerGroup",
        "paymentFirstname", "paymentLastname", "paymentCompany", "paymentAddress1", "paymentAddress2", "paymentCity", "paymentPostcode",
        "paymentCountryName", "paymentZoneName", "shippingFirstname", "shippingLastname", "shippingCompany", "shippingAddress1", "shippingAddress2",
        "shippingCity", "shippingPostcode", "shippingCountryName", "shippingZoneName", "paymentMethodName", "paymentMethodCode",
        "paymentMethodTaxRate", "paymentMethodAfter", "shippingMethodName", "shippingMethodLocalizedName", "shippingMethodExtension",
        "shippingMethodTaxRate", "shippingMode", "comment", "total", "currency", "value", "orderStatus", "couponTaxRate", "coupon",
        "orderProducts", "orderTotals",
    ];

    public static readonly HashSet<string> OrderProductFields =
        ["id", "name", "sku", "modelNumber", "gtin", "price", "total", "originalPrice", "taxRate", "grossPrice", "priceCurrency", "grossPriceCurrency",
         "stock1", "stock2", "stock3", "stock4", "subtractStock", "product"];

    public static readonly HashSet<string> OrderTotalFields = ["id", "name", "valueText", "value", "sortOrder", "key", "type"];

    public static readonly HashSet<string> ProductWritableFields = ["sku", "price", "cost", "stock1", "stock2", "stock3", "stock4", "subtractStock", "orderable", "status"];
}
