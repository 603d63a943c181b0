using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply;

/// <summary>
/// GoedGepickt (WMS) with Optiply (purchase planning): products, suppliers and supplier products nightly, stock,
/// product changes and sales in real time, buy orders to GoedGepickt and receipts back every 30 minutes.
/// </summary>
public static class GoedGepicktOptiplyIntegration
{
    public const string Key = "goedgepickt-optiply";

    public static IntegrationDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "GoedGepickt ↔ Optiply",
        Connections = [GoedGepicktConnection.Schema, OptiplyConnection.Schema],
        Settings = new SettingsSchema<GoedGepicktOptiplySettings>(new GoedGepicktOptiplySettingsValidator()),
        Flows =
        [
            Suppliers.SuppliersFlow.Definition,
            Products.ProductsFlow.Definition,
            SupplierProducts.SupplierProductsFlow.Definition,
            Stocks.StocksFlow.Definition,
            ProductChanges.ProductChangesFlow.Definition,
            SellOrders.SellOrdersFlow.Definition,
            BuyOrders.BuyOrdersFlow.Definition,
            Receipts.ReceiptsFlow.Definition,
        ],
        Webhooks = [GoedGepicktHooks.Intake],
        ReadinessChecks = Readiness.GoedGepicktReadiness.RunAsync,
    };
}
