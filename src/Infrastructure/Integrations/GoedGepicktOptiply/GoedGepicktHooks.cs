using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.ProductChanges;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.SellOrders;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Stocks;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.SupplierProducts;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply;

/// <summary>
/// The real-time path: GoedGepickt's deliveries at <c>/hooks/{tenant}/goedgepickt</c>. The body is a hint only; each
/// event names the records its flows re-read: stock -> stocks, product data -> product-changes and supplier-products,
/// an order's status (also sent on creation) -> sell-orders.
/// </summary>
public static class GoedGepicktHooks
{
    public static readonly string[] Events = ["product.stockChanged", "product.updated", "order.statusChanged"];

    public static WebhookIntake Intake { get; } = new()
    {
        Segment = "goedgepickt",
        ConnectionSystem = GoedGepicktAccount.System,
        Verify = GoedGepicktWebhooks.Verify,
        Route = Route,
        RegisterAsync = (registration, ct) => GoedGepicktWebhooks.EnsureAsync(registration, Events, ct),
    };

    public static IReadOnlyList<WebhookRun> Route(byte[] body)
    {
        JsonObject? json;
        try { json = JsonNode.Parse(body) as JsonObject; }
        catch (JsonException) { return []; }
        string? Id(string name) => json?[name]?.ToString()?.ToLowerInvariant() is { Length: > 0 } id ? id : null;
        return json?["event"]?.ToString() switch
        {
            "stockUpdated" or "compoundProductStockUpdated" when Id("productUuid") is { } product => [new(StocksFlow.Key, product)],
            "productUpdated" when Id("productUuid") is { } product => [new(ProductChangesFlow.Key, product), new(SupplierProductsFlow.Key, product)],
            "orderStatusChanged" when Id("orderUuid") is { } order => [new(SellOrdersFlow.Key, order)],
            _ => [],
        };
    }
}
