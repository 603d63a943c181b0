using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Sync;

namespace Koppel.Infrastructure.Integrations.ExactOptiply;

/// <summary>
/// Exact Online (ERP) with Optiply (purchase planning): master data and orders from Exact, new buy orders back
/// to Exact. Each flow lives in its own file; this one only puts them together.
/// </summary>
public static class ExactOptiplyIntegration
{
    public const string Key = "exact-optiply";

    public static IntegrationDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Exact Online ↔ Optiply",
        Connections = [ExactOnlineConnection.Schema, OptiplyConnection.Schema],
        Settings = new SettingsSchema<ExactOptiplySettings>(new ExactOptiplySettingsValidator()),
        Flows =
        [
            ProductsFlow.Definition,
            SellOrdersFlow.Definition,
            ReceiptLinesFlow.Definition,
            BuyOrders.BuyOrdersFlow.Definition,
            BuyOrdersToExact.BuyOrdersToExactFlow.Definition,
        ],
        FieldSwitches =
        [
            new(ProductsFlow.Key, "stockLevel", "products.mapStockLevel"),
            new(ProductsFlow.Key, "status", "products.mapStatus"),
        ],
        Choices = ExactWarehouseChoices.ByPath,
    };
}
