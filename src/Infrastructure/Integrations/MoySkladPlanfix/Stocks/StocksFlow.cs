using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Stocks;

/// <summary>Stock, available and reserve of the changed MoySklad products to their Planfix directory entries.</summary>
public static class StocksFlow
{
    public const string Key = "stocks";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Stocks",
        Entity = "stock",
        SourceSystem = "MoySklad",
        TargetSystem = "Planfix",
        Title = new("Planfix entry {planfixEntryKey}"),
        DefaultSchedule = "180",
        DefaultMapping = StockMapping.Default,
        TargetFields =
        [
            new("stock", "number", "Stock"),
            new("available", "number", "Available (stock − reserve + in transit)"),
            new("reserve", "number", "Reserve"),
        ],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<MoySkladPlanfixSettings>();
        var directory = new PlanfixProductDirectory(PlanfixClient.Create(context), settings.Planfix.ProductDirectoryId, settings.Products);
        IRecordRule[] rules = [new SkipStockOfProductNotInPlanfix()];
        return new FlowParts(new MoySkladStockStream(MoySkladClient.Create(context), context.Links, context.Clock),
            new EntryStockSink(directory, context.Links), rules);
    }
}
