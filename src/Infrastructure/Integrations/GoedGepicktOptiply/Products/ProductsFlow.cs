using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Products;

/// <summary>
/// Every GoedGepickt product to Optiply, nightly, GoedGepickt leading: name, SKU, selling price, unlimited stock,
/// free stock, phased out when not purchasable. A product deleted in GG is kept in Optiply as disabled; one flagged
/// "ignore for Optiply" is neither created nor updated.
/// </summary>
public static class ProductsFlow
{
    public const string Key = "products";
    public const string Entity = "product";

    public static IReadOnlyList<TargetField> TargetFields { get; } =
    [
        new("name", "text", "Product name"),
        new("skuCode", "text", "SKU (GoedGepickt productcode)"),
        new("price", "number", "Selling price excl. VAT"),
        new("unlimitedStock", "boolean", "Unlimited stock"),
        new("stockLevel", "number", "Free stock"),
        new("notBeingBought", "boolean", "Phased out (not purchasable in GoedGepickt)"),
        new("status", "text", "enabled or disabled"),
    ];

    /// <summary>Deleted in GoedGepickt -> disabled in Optiply (the seed), never removed.</summary>
    public static readonly OptiplyEntity Target = OptiplyEntity.Products with { Deletion = OptiplyDeletion.MarkDisabled };

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Products",
        Entity = Entity,
        SourceSystem = GgFlowParts.SourceSystem,
        TargetSystem = GgFlowParts.TargetSystem,
        Title = new("{sku}", "{name}"),
        DefaultSchedule = "1440",
        ScheduleFromSettings = GgFlowParts.Nightly,
        Reconciles = true,
        // The seed: the webhooks are checked on every nightly run (besides the hub's hourly check).
        ChecksWebhooks = true,
        DefaultMapping = DefaultMappings.Products,
        TargetFields = TargetFields,
        Build = context => Parts(context, fullRead: true),
        SourceCount = GoedGepicktCounts.Products,
        TargetCount = OptiplyCounts.Products,
    };

    /// <param name="fullRead">False for the real-time product-changes flow, which only ever reads single products.</param>
    public static FlowParts Parts(FlowContext context, bool fullRead)
    {
        var client = GgFlowParts.Client(context);
        var products = new GoedGepicktStream(client, "products", client.Scope().ToList());
        ISourceStream source = fullRead ? new WithDeletionsOfUnseen(products, context.Links, Entity) : new SingleRecordsOnly(products);
        IRecordRule[] rules =
        [
            new OnlyFulfilmentCustomer(client.Account.FulfilmentCustomerUuid),
            new SkipIgnoredProduct(),
            new PhaseOutWhenNotPurchasable(),
        ];
        return new FlowParts(source, OptiplySinks.For(context, Target), rules);
    }
}

/// <summary>A flow fed by webhooks: a scheduled or manual run reads nothing (the nightly products run reconciles).</summary>
public sealed class SingleRecordsOnly(ISourceStream inner) : ISourceStream
{
    public IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, CancellationToken ct) => AsyncEnumerable.Empty<SourcePage>();
    public Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) => inner.ReadOneAsync(sourceId, ct);
}
