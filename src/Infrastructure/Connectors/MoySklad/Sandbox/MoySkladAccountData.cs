using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.MoySklad.Sandbox;

/// <summary>The physical stock of one product and what orders reserve and supplies bring.</summary>
internal sealed class StockRow
{
    public decimal Stock;
    public decimal Reserve;
    public decimal InTransit;
    public DateTimeOffset Changed;
    public decimal Quantity => Stock - Reserve + InTransit;
    public decimal FreeStock => Stock - Reserve;

    public decimal Of(string stockType) => stockType switch
    {
        "stock" => Stock,
        "reserve" => Reserve,
        "inTransit" => InTransit,
        "quantity" => Quantity,
        "freeStock" => FreeStock,
        _ => throw new MoySkladError(412, 1002, $"Неизвестный тип остатка '{stockType}'", "stockType"),
    };
}

/// <summary>
/// One MoySklad account in memory. Entities are kept as the API shows them, with hrefs relative to the
/// emulator ("ms:/entity/..."), made absolute on the way out so they name the host the client called.
/// </summary>
internal sealed class MoySkladAccountData(string accountId)
{
    public const string Host = "ms:";
    public readonly Lock Gate = new();
    public string AccountId { get; } = accountId;
    public Dictionary<string, JsonObject> Products { get; } = [];
    public Dictionary<string, JsonObject> Uoms { get; } = [];
    public List<JsonObject> PriceTypes { get; } = [];
    public List<JsonObject> ProductAttributes { get; } = [];
    public List<JsonObject> CounterpartyAttributes { get; } = [];
    public Dictionary<string, JsonObject> Organizations { get; } = [];
    public Dictionary<string, JsonObject> Stores { get; } = [];
    public Dictionary<string, JsonObject> Employees { get; } = [];
    public Dictionary<string, StockRow> Stock { get; } = [];
    public Dictionary<string, JsonObject> Counterparties { get; } = [];
    public Dictionary<string, JsonObject> Orders { get; } = [];
    public Dictionary<string, List<JsonObject>> OrderPositions { get; } = [];
    public Dictionary<string, JsonObject> Demands { get; } = [];
    public Dictionary<string, JsonObject> SalesReturns { get; } = [];
    public Dictionary<string, JsonObject> InvoicesOut { get; } = [];
    /// <summary>Positions of demands, sales returns and invoices by document id.</summary>
    public Dictionary<string, List<JsonObject>> DocumentPositions { get; } = [];
    public Dictionary<string, JsonObject> Webhooks { get; } = [];
    public Dictionary<string, JsonObject> StockWebhooks { get; } = [];
    /// <summary>syncId of created products, so a repeated create returns the first one.</summary>
    public Dictionary<string, string> SyncIds { get; } = [];

    public Dictionary<string, JsonObject>? Collection(string type) => type switch
    {
        "product" => Products,
        "uom" => Uoms,
        "organization" => Organizations,
        "store" => Stores,
        "employee" => Employees,
        "counterparty" => Counterparties,
        "customerorder" => Orders,
        "demand" => Demands,
        "salesreturn" => SalesReturns,
        "invoiceout" => InvoicesOut,
        "webhook" => Webhooks,
        "webhookstock" => StockWebhooks,
        _ => null,
    };

    public static JsonObject Meta(string type, string? id, string? metadataType = null)
    {
        var meta = new JsonObject
        {
            ["href"] = id is null ? $"{Host}/entity/{type}" : $"{Host}/entity/{type}/{id}",
            ["metadataHref"] = $"{Host}/entity/{metadataType ?? type}/metadata",
            ["type"] = type,
            ["mediaType"] = "application/json",
        };
        return meta;
    }

    public StockRow StockOf(string productId) =>
        Stock.TryGetValue(productId, out var row) ? row : Stock[productId] = new StockRow();
}
