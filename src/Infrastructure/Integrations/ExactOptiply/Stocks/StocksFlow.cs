using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.Stocks;

/// <summary>
/// Stock changes in Exact to the stock level of the Optiply products, summed over the warehouses the tenant chose.
/// It keeps its own links ("stock"), so its payload hashes never make the products flow think a product changed.
/// </summary>
public static class StocksFlow
{
    public const string Key = "stocks";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Stocks",
        Entity = "stock",
        DependsOn = [ProductsFlow.Key],
        SourceSystem = "Exact Online",
        TargetSystem = "Optiply",
        Title = new("{ItemCode}"),
        DefaultMapping = StockMapping.Default,
        TargetFields = [new("stockLevel", "number", "Stock on hand in the chosen warehouses")],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<ExactOptiplySettings>();
        var source = new WithOptiplyIds(new ExactItemStockStream(ExactOnlineClient.Create(context)), context.Links,
            new OptiplyReference("product", "ID", "OptiplyProductId"));
        IRecordRule[] rules =
        [
            new SkipWhenStockIsNotMapped(settings.Products),
            new SkipStockOfUnsyncedProduct(),
            new SumStockOfChosenWarehouses(settings.Warehouses),
        ];
        return new FlowParts(source, new ProductStockSink(OptiplySinks.Client(context), context.Links), rules);
    }
}
