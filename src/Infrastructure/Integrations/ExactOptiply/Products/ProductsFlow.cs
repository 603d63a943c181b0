using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.Products;

/// <summary>Exact items to Optiply products, with price, stock and status per the seed's products table.</summary>
public static class ProductsFlow
{
    public const string Key = "products";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Products",
        Entity = "product",
        SourceSystem = "Exact Online",
        TargetSystem = "Optiply",
        Title = new("{Code}", "{Description}"),
        DefaultMapping = ProductMapping.Default,
        TargetFields =
        [
            new("name", "text", "Product name"),
            new("skuCode", "text", "SKU"),
            new("articleCode", "text", "Article code"),
            new("price", "number", "Sales price"),
            new("unlimitedStock", "boolean", "Never runs out of stock (services)"),
            new("stockLevel", "number", "Stock on hand in the chosen warehouses"),
            new("status", "text", "enabled or disabled"),
            new("eanCode", "text", "EAN barcode"),
            new("assembled", "boolean", "Made from parts (bill of material)"),
        ],
        SourceFields = ProductSourceFields.All,
        Build = Build,
        SourceCount = ExactCounts.Items,
        TargetCount = OptiplyCounts.Products,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<ExactOptiplySettings>();
        var exact = ExactOnlineClient.Create(context);
        ISourceStream items = new ExactItemsStream(exact);
        if (settings.Products.AssembledFrom == AssembledFrom.Compositions)
            items = new WithCompositionFlag(items, exact);
        IRecordRule[] rules =
        [
            new ExposeSettings(ExactOptiplyIntegration.Definition.Settings.ToJson(settings)),
            new SelectSalesPrice(),
            new SumStockOfChosenWarehouses(settings.Warehouses),
        ];
        return new FlowParts(items, OptiplySinks.Products(context), rules);
    }
}
