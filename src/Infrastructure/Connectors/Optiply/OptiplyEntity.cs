using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Optiply;

/// <summary>How a record leaves Optiply when it is deleted at the source.</summary>
public enum OptiplyDeletion
{
    /// <summary>DELETE the resource.</summary>
    Delete,
    /// <summary>PATCH <c>ignored=true</c>: Optiply's Exact integration "sets suppliers to ignore" instead of deleting.</summary>
    MarkIgnored,
    /// <summary>
    /// PATCH <c>status=disabled</c>: products (Optiply's forecasts live on a product's sales history, which a delete
    /// loses; Optiply's other integrations disable deleted products too) and supplier products.
    /// </summary>
    MarkDisabled,
}

/// <summary>One Optiply resource type as a sync target, with the rules Optiply's own integrations follow for it.</summary>
public sealed record OptiplyEntity(string Type)
{
    /// <summary>Attributes Optiply requires on POST that a mapping may leave out, with the value its integrations send.</summary>
    public IReadOnlyDictionary<string, JsonNode> CreateDefaults { get; init; } = new Dictionary<string, JsonNode>();
    public OptiplyDeletion Deletion { get; init; } = OptiplyDeletion.Delete;
    /// <summary>The pair Optiply keeps unique (409 on a second POST); a conflict adopts the existing record.</summary>
    public (string First, string Second)? UniquePair { get; init; }

    public string Label => OptiplyClient.Label(Type);

    public static readonly OptiplyEntity Products = new("products")
    {
        Deletion = OptiplyDeletion.MarkDisabled,
        // stockLevel and unlimitedStock are required on POST; stock and status mapping can be switched off per
        // customer, and a new product is then active until someone in Optiply says otherwise.
        CreateDefaults = new Dictionary<string, JsonNode> { ["stockLevel"] = 0, ["unlimitedStock"] = false, ["status"] = "enabled" },
    };

    public static readonly OptiplyEntity Suppliers = new("suppliers") { Deletion = OptiplyDeletion.MarkIgnored };

    public static readonly OptiplyEntity SupplierProducts = new("supplierProducts")
    {
        Deletion = OptiplyDeletion.MarkDisabled,
        UniquePair = ("productId", "supplierId"),
    };

    public static readonly OptiplyEntity ProductCompositions = new("productCompositions") { UniquePair = ("composedProductId", "partProductId") };
    public static readonly OptiplyEntity SellOrders = new("sellOrders");
    public static readonly OptiplyEntity BuyOrders = new("buyOrders");
    public static readonly OptiplyEntity BuyOrderLines = new("buyOrderLines");
    public static readonly OptiplyEntity ReceiptLines = new("receiptLines");
}
