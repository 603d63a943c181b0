using Koppel.Domain.Sync;
using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Products;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.ProductChanges;

/// <summary>
/// The seed's real-time product changes (code, name, price excl. VAT, unlimited stock, purchasable, ignore flag, free
/// stock): a productUpdated webhook re-reads the product and writes it as the products flow would. It shares the
/// products flow's links, so a change already written by either is not written again.
/// </summary>
public static class ProductChangesFlow
{
    public const string Key = "product-changes";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Product changes (real time)",
        Entity = ProductsFlow.Entity,
        SourceSystem = GgFlowParts.SourceSystem,
        TargetSystem = GgFlowParts.TargetSystem,
        Title = new("{sku}", "{name}"),
        DefaultSchedule = "1440",
        DefaultMapping = DefaultMappings.Products,
        TargetFields = ProductsFlow.TargetFields,
        Build = context => ProductsFlow.Parts(context, fullRead: false),
    };
}
