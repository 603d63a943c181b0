using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Products;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Stocks;

/// <summary>
/// Every stock mutation in GoedGepickt, in real time: the webhook names the product, the flow re-reads it and sets
/// the Optiply product's stockLevel to its free stock. It keeps its own links ("stock"), so a repeated delivery with
/// the same stock writes nothing. A run without a webhook reads nothing: the nightly products run reconciles stock.
/// </summary>
public static class StocksFlow
{
    public const string Key = "stocks";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Stocks (real time)",
        Entity = "stock",
        SourceSystem = GgFlowParts.SourceSystem,
        TargetSystem = GgFlowParts.TargetSystem,
        Title = new("{sku}", "{name}"),
        DefaultSchedule = "1440",
        DefaultMapping = DefaultMappings.Stocks,
        TargetFields = [new("stockLevel", "number", "Free stock")],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var client = GgFlowParts.Client(context);
        var source = new SingleRecordsOnly(new GoedGepicktStream(client, "products", client.Scope().ToList()));
        IRecordRule[] rules =
        [
            new OnlyFulfilmentCustomer(client.Account.FulfilmentCustomerUuid),
            new SkipIgnoredProduct(),
        ];
        return new FlowParts(source, new StockSink(OptiplySinks.Client(context), context.Links), rules);
    }
}
