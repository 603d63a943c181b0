using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;
using Koppel.Infrastructure.Integrations.ExactOptiply.Suppliers;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.SupplierProducts;

/// <summary>
/// Exact supplier items to Optiply supplier products, linked to the products and suppliers the other flows synced.
/// A supplier item deleted in Exact is disabled in Optiply.
/// </summary>
public static class SupplierProductsFlow
{
    public const string Key = "supplier-products";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Supplier products",
        Entity = "supplierProduct",
        DependsOn = [ProductsFlow.Key, SuppliersFlow.Key],
        SourceSystem = "Exact Online",
        TargetSystem = "Optiply",
        Title = new("{ItemCode}", "{ItemDescription}", "from {SupplierDescription}"),
        DefaultMapping = SupplierProductMapping.Default,
        TargetFields =
        [
            new("name", "text", "Name"),
            new("productId", "id", "Optiply product"),
            new("supplierId", "id", "Optiply supplier"),
            new("price", "number", "Purchase price per item"),
            new("skuCode", "text", "The supplier's item code"),
            new("status", "text", "enabled or disabled"),
            new("eanCode", "text", "EAN barcode of the item"),
            new("lotSize", "number", "Items per lot (at least 1)", Min: 1),
            new("minimumPurchaseQuantity", "number", "Minimum purchase quantity (at least 1)", Min: 1),
            new("deliveryTime", "number", "Delivery time in days (at least 1)", Min: 1),
            new("preferred", "boolean", "The item's preferred (main) supplier"),
        ],
        Build = Build,
        SourceCount = ExactCounts.SupplierItems,
        TargetCount = OptiplyCounts.SupplierProducts,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<ExactOptiplySettings>();
        var exact = ExactOnlineClient.Create(context);
        var source = new WithOptiplyIds(
            new WithItemBarcodes(ExactStreams.SupplierItems(exact), exact),
            context.Links,
            new OptiplyReference("product", "Item", "OptiplyProductId", ProductsFlow.Key),
            new OptiplyReference(SuppliersFlow.Entity, "Supplier", "OptiplySupplierId", SuppliersFlow.Key));
        IRecordRule[] rules =
        [
            new RequireLinked(
                ("OptiplyProductId", RequireLinked.Named("Exact item", "ItemCode", "Item")),
                ("OptiplySupplierId", RequireLinked.Named("Exact supplier", "SupplierCode", "Supplier"))),
            new ExposeSettings(ExactOptiplyIntegration.Definition.Settings.ToJson(settings)),
            new SupplierItemFigures(),
        ];
        return new FlowParts(source, OptiplySinks.SupplierProducts(context), rules);
    }
}
