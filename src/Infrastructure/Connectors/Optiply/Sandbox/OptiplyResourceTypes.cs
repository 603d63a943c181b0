using static Koppel.Infrastructure.Connectors.Optiply.Sandbox.AttributeKind;

namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>
/// The resources the emulator serves, with the constraints Optiply's writers and changelog show
/// (required attributes, lengths, ranges, allowed values, unique pairs, cascades).
/// </summary>
internal static class OptiplyResourceTypes
{
    private static readonly string[] EnabledDisabled = ["enabled", "disabled"];

    private static OptiplyAttribute A(string name, AttributeKind kind) => new(name, kind);
    private static OptiplyAttribute Req(string name, AttributeKind kind) => new(name, kind) { Required = true };
    private static OptiplyAttribute Text255(string name) => new(name, Text) { MaxLength = 255 };
    private static OptiplyAttribute Ref(string name, string target, bool required = true) => new(name, Reference) { Target = target, Required = required };

    public static readonly OptiplyResourceType Products = new("products",
    [
        Req("name", Text) with { MaxLength = 255 }, Req("stockLevel", Integer), Req("unlimitedStock", Bool),
        Text255("skuCode"), Text255("eanCode"), Text255("articleCode"), A("price", Money),
        A("status", Text) with { Allowed = EnabledDisabled }, A("notBeingBought", Bool), A("resumingPurchase", Bool),
        A("assembled", Bool), A("minimumStock", Integer), A("maximumStock", Integer), A("ignored", Bool),
        A("manualServiceLevel", Number), A("createdAtRemote", AttributeKind.DateTime),
        A("stockMeasurementUnit", Text) with { MaxLength = 10 },
    ])
    {
        ReadOnlyExtras = ["novel", "category"],
        Relationships = [new("supplierProducts", "supplierProducts", "productId", ToMany: true)],
    };

    public static readonly OptiplyResourceType Suppliers = new("suppliers",
    [
        Req("name", Text) with { MaxLength = 255 }, A("emails", Emails), A("minimumOrderValue", Money), A("fixedCosts", Money),
        A("deliveryTime", Integer) with { Min = 1, Max = 365 }, A("userReplenishmentPeriod", Integer) with { Min = 1, Max = 365 },
        A("reactingToLostSales", Bool), A("backorders", Bool), A("ignored", Bool),
        A("lostSalesReaction", Integer) with { Min = 0, Max = 1 }, A("lostSalesMovReaction", Integer) with { Min = 0, Max = 1 },
        A("backorderThreshold", Integer), A("backordersReaction", Integer) with { Min = 0, Max = 1 },
        A("maxLoadCapacity", Integer), A("containerVolume", Integer),
        A("globalLocationNumber", Text) with { ExactLength = 13 }, A("type", Text) with { Allowed = ["vendor", "producer"] },
    ]);

    public static readonly OptiplyResourceType SupplierProducts = new("supplierProducts",
    [
        Req("name", Text) with { MaxLength = 255 }, Ref("productId", "products"), Ref("supplierId", "suppliers"),
        Text255("skuCode"), Text255("eanCode"), Text255("articleCode"), A("price", Money),
        A("minimumPurchaseQuantity", Integer) with { Min = 1 }, A("lotSize", Integer) with { Min = 1 },
        A("availability", Bool), A("availabilityDate", AttributeKind.DateTime), A("preferred", Bool),
        A("deliveryTime", Integer) with { Min = 1 }, A("status", Text) with { Allowed = EnabledDisabled },
        A("freeStock", Integer) with { Min = 0 }, A("weight", Number), A("volume", Number),
    ])
    {
        UniquePairs = [("productId", "supplierId")],
        Relationships = [new("product", "products", "productId", ToMany: false), new("supplier", "suppliers", "supplierId", ToMany: false)],
    };

    public static readonly OptiplyResourceType ProductCompositions = new("productCompositions",
    [
        Ref("composedProductId", "products"), Ref("partProductId", "products"), Req("partQuantity", Integer) with { Min = 1 },
    ])
    {
        UniquePairs = [("composedProductId", "partProductId")],
    };

    public static readonly OptiplyResourceType SellOrderLines = new("sellOrderLines",
    [
        Ref("sellOrderId", "sellOrders"), Ref("productId", "products"), Req("quantity", Integer), Req("subtotalValue", Money),
    ])
    {
        Relationships = [new("product", "products", "productId", ToMany: false)],
    };

    public static readonly OptiplyResourceType SellOrders = new("sellOrders",
    [
        Req("placed", AttributeKind.DateTime), Req("totalValue", Money), A("completed", AttributeKind.DateTime),
        A("orderLines", OrderLines) with { Lines = ("sellOrderLines", "sellOrderId") },
    ])
    {
        Relationships = [new("sellOrderLines", "sellOrderLines", "sellOrderId", ToMany: true)],
        Cascade = [("sellOrderLines", "sellOrderId")],
    };

    public static readonly OptiplyResourceType BuyOrderLines = new("buyOrderLines",
    [
        Ref("buyOrderId", "buyOrders"), Ref("productId", "products"), Req("quantity", Integer), Req("subtotalValue", Money),
        A("expectedDeliveryDate", AttributeKind.DateTime),
    ])
    {
        ReadOnlyExtras = ["productUuid"],
        Relationships = [new("product", "products", "productId", ToMany: false), new("buyOrder", "buyOrders", "buyOrderId", ToMany: false)],
        Cascade = [("receiptLines", "buyOrderLineId")],
    };

    public static readonly OptiplyResourceType BuyOrders = new("buyOrders",
    [
        Req("placed", AttributeKind.DateTime), Ref("supplierId", "suppliers"), Req("totalValue", Money),
        A("completed", AttributeKind.DateTime), A("expectedDeliveryDate", AttributeKind.DateTime), A("assembly", Bool),
        A("orderLines", OrderLines) with { Lines = ("buyOrderLines", "buyOrderId") },
    ])
    {
        Relationships = [new("supplier", "suppliers", "supplierId", ToMany: false), new("buyOrderLines", "buyOrderLines", "buyOrderId", ToMany: true)],
        Cascade = [("buyOrderLines", "buyOrderId")],
    };

    public static readonly OptiplyResourceType ReceiptLines = new("receiptLines",
    [
        Ref("buyOrderLineId", "buyOrderLines"), Req("quantity", Integer), Req("occurred", AttributeKind.DateTime),
    ])
    {
        Relationships = [new("buyOrderLine", "buyOrderLines", "buyOrderLineId", ToMany: false)],
    };

    // Read by Optiply's tap only; the hub does not write them, but a test or demo may.
    public static readonly OptiplyResourceType Promotions = new("promotions",
    [
        Req("name", Text) with { MaxLength = 255 }, A("startDate", AttributeKind.DateTime), A("endDate", AttributeKind.DateTime),
        A("enabled", Bool), A("upliftType", Text), A("upliftIncrease", Number), A("productCount", Integer),
    ])
    {
        Cascade = [("promotionProducts", "promotionId")],
    };

    public static readonly OptiplyResourceType PromotionProducts = new("promotionProducts",
    [
        Ref("promotionId", "promotions"), Ref("productId", "products"), A("specificUpliftType", Text), A("specificUpliftIncrease", Number),
    ]);

    public static readonly IReadOnlyDictionary<string, OptiplyResourceType> All =
        new[] { Products, Suppliers, SupplierProducts, ProductCompositions, SellOrders, SellOrderLines, BuyOrders, BuyOrderLines, ReceiptLines, Promotions, PromotionProducts }
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
}
