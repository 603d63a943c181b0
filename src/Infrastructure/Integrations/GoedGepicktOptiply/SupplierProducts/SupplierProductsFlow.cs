using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.SupplierProducts;

/// <summary>
/// Each product's supplier to an Optiply supplier product: supplier productcode -> skuCode, supplier purchase price ->
/// price, "order in multiples of" -> lotSize. When the supplier of a product changes in GoedGepickt, the old
/// supplier product is removed in Optiply and the new one created (the seed). Fulfilment accounts sync no suppliers,
/// so no supplier products either.
/// </summary>
public static class SupplierProductsFlow
{
    public const string Key = "supplier-products";
    public const string Entity = "supplierProduct";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Supplier products",
        Entity = Entity,
        SourceSystem = GgFlowParts.SourceSystem,
        TargetSystem = GgFlowParts.TargetSystem,
        Title = new("{sku}", "{name}", "from {supplier.name}"),
        DefaultSchedule = "1440",
        ScheduleFromSettings = GgFlowParts.Nightly,
        Reconciles = true,
        DefaultMapping = DefaultMappings.SupplierProducts,
        TargetFields =
        [
            new("name", "text", "Name"),
            new("productId", "id", "Optiply product"),
            new("supplierId", "id", "Optiply supplier"),
            new("skuCode", "text", "The supplier's productcode"),
            new("price", "number", "Supplier purchase price"),
            new("lotSize", "number", "Order in multiples of"),
            new("status", "text", "enabled or disabled"),
        ],
        Build = Build,
    };

    /// <summary>The old pair is removed, not disabled: the seed says the old supplier link is deleted.</summary>
    public static readonly OptiplyEntity Target = OptiplyEntity.SupplierProducts with { Deletion = OptiplyDeletion.Delete };

    private static FlowParts Build(FlowContext context)
    {
        var client = GgFlowParts.Client(context);
        ISourceStream source = client.Account.IsFulfilment
            ? new NoRecords()
            : new WithDeletionsOfUnseen(new SupplierProductsStream(client, context.Links), context.Links, Entity);
        IRecordRule[] rules =
        [
            new SkipIgnoredProduct(),
            new RequireProductAndSupplier(),
            new LotSizeFromOrderMultiple(),
        ];
        return new FlowParts(source, OptiplySinks.For(context, Target), rules);
    }
}
