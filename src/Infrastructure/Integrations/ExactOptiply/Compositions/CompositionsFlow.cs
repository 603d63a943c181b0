using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations.ExactOptiply.Products;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.Compositions;

/// <summary>
/// Lines of the items' default Exact bills of material to Optiply product compositions, between the products the
/// products flow synced. Lines that would make a product both made of and part of the same product are left out and
/// logged; a line deleted in Exact deletes its composition.
/// </summary>
public static class CompositionsFlow
{
    public const string Key = "compositions";
    private const string Entity = "composition";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Product compositions",
        Entity = Entity,
        DependsOn = [ProductsFlow.Key],
        SourceSystem = "Exact Online",
        TargetSystem = "Optiply",
        Title = new("{ComposedItemCode} contains {PartItemCode}", "{Description}"),
        DefaultMapping = CompositionMapping.Default,
        TargetFields =
        [
            new("composedProductId", "id", "Optiply product that is made"),
            new("partProductId", "id", "Optiply product used as part"),
            new("partQuantity", "number", "Parts per composed product (whole, at least 1)", Min: 1),
        ],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<ExactOptiplySettings>();
        var source = new WithOptiplyIds(
            new BomLinesStream(ExactOnlineClient.Create(context), context.Links, Entity),
            context.Links,
            new OptiplyReference("product", "ComposedItem", "OptiplyComposedProductId", ProductsFlow.Key),
            new OptiplyReference("product", "PartItem", "OptiplyPartProductId", ProductsFlow.Key));
        IRecordRule[] rules =
        [
            new OnlyDefaultVersionMaterials(),
            new RejectCrossingComposition(),
            new RequireLinked(
                ("OptiplyComposedProductId", RequireLinked.Named("Exact item", "ComposedItemCode", "ComposedItem")),
                ("OptiplyPartProductId", RequireLinked.Named("Exact item", "PartItemCode", "PartItem"))),
            new PartQuantity(settings.Compositions.ScalePartQuantityByBatch),
        ];
        return new FlowParts(source, OptiplySinks.ProductCompositions(context), rules);
    }
}
