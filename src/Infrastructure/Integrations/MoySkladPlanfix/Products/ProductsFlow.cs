using System.Collections.Concurrent;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Products;

/// <summary>
/// MoySklad products to entries of the Planfix product directory (seed: name, prices, code, article, unit, stock,
/// available, reserve, external code, extra fields). Runs as the reconciliation every few hours; a webhook of one
/// product runs it for that product only.
/// </summary>
public static class ProductsFlow
{
    public const string Key = "products";
    public const string Entity = "product";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Products",
        Entity = Entity,
        SourceSystem = "MoySklad",
        TargetSystem = "Planfix",
        Title = new("{code}", "{name}"),
        // The seed's "every few hours": reconcileHours' default of 3.
        DefaultSchedule = "180",
        DefaultMapping = ProductMapping.Default,
        TargetFields =
        [
            new("name", "text", "Name"),
            new("code", "text", "Code"),
            new("article", "text", "Article"),
            new("unit", "text", "Unit of measure"),
            new("stock", "number", "Stock"),
            new("available", "number", "Available (stock − reserve + in transit)"),
            new("reserve", "number", "Reserve"),
            new("externalCode", "text", "External code"),
            new(ProductFields.Archived, "boolean", "Archived or deleted in MoySklad"),
            new(ProductFields.Prices, "object", "Chosen sale prices in roubles, by price type name"),
            new(ProductFields.Extra, "object", "Chosen attributes, by Planfix field name"),
        ],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<MoySkladPlanfixSettings>();
        var codes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var directory = new PlanfixProductDirectory(PlanfixClient.Create(context), settings.Planfix.ProductDirectoryId, settings.Products);
        IRecordRule[] rules = [new FlattenProduct(settings.Products)];
        return new FlowParts(new MoySkladProductsStream(MoySkladClient.Create(context), context.Clock, codes), new ProductEntrySink(directory, codes), rules);
    }
}
