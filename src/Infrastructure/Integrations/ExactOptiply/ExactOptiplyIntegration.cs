using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Compositions;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply.ReceiptLines;
using Koppel.Infrastructure.Integrations.ExactOptiply.SellOrders;
using Koppel.Infrastructure.Integrations.ExactOptiply.Stocks;
using Koppel.Infrastructure.Integrations.ExactOptiply.SupplierProducts;
using Koppel.Infrastructure.Integrations.ExactOptiply.Suppliers;

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
            CompositionsFlow.Definition,
            SuppliersFlow.Definition,
            SupplierProductsFlow.Definition,
            StocksFlow.Definition,
            SellOrdersFlow.Definition,
            BuyOrders.BuyOrdersFlow.Definition,
            BuyOrdersToExact.BuyOrdersToExactFlow.Definition,
            ReceiptLinesFlow.Definition,
        ],
        FieldSwitches =
        [
            new(ProductsFlow.Key, "stockLevel", "products.mapStockLevel"),
            new(ProductsFlow.Key, "status", "products.mapStatus"),
            new(StocksFlow.Key, "stockLevel", "products.mapStockLevel"),
            new(SuppliersFlow.Key, "emails", "suppliers.mapEmail"),
            new(SuppliersFlow.Key, "deliveryTime", "suppliers.mapDeliveryTime"),
            new(SupplierProductsFlow.Key, "lotSize", "supplierProducts.mapLotSize"),
            new(SupplierProductsFlow.Key, "minimumPurchaseQuantity", "supplierProducts.mapMinimumPurchaseQuantity"),
            new(SupplierProductsFlow.Key, "deliveryTime", "supplierProducts.mapDeliveryTime"),
            new(SupplierProductsFlow.Key, "preferred", "supplierProducts.mapPreferred"),
        ],
        Choices = ExactWarehouseChoices.ByPath,
    };
}
