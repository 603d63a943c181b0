using Koppel.Domain.Integrations.ExactOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.ExactOnline;
using Koppel.Infrastructure.Connectors.Optiply;

namespace Koppel.Infrastructure.Integrations.ExactOptiply.Suppliers;

/// <summary>Exact accounts that are suppliers to Optiply suppliers; a supplier deleted in Exact is set to ignored in Optiply.</summary>
public static class SuppliersFlow
{
    public const string Key = "suppliers";
    /// <summary>The link namespace other flows use to find a supplier's Optiply id.</summary>
    public const string Entity = "supplier";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Suppliers",
        Entity = Entity,
        SourceSystem = "Exact Online",
        TargetSystem = "Optiply",
        Title = new("{Code}", "{Name}"),
        DefaultMapping = SupplierMapping.Default,
        TargetFields =
        [
            new("name", "text", "Supplier name"),
            new("emails", "list", "E-mail addresses"),
            new("deliveryTime", "number", "Delivery time in days (1-365)", Min: 1, Max: 365),
        ],
        Build = Build,
        SourceCount = ExactCounts.Suppliers,
        TargetCount = OptiplyCounts.Suppliers,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<ExactOptiplySettings>();
        IRecordRule[] rules =
        [
            new SkipSupplierWithoutName(),
            new CheckSupplierEmail(settings.Suppliers.MapEmail),
            new SupplierDeliveryTime(),
        ];
        return new FlowParts(ExactStreams.Suppliers(context), OptiplySinks.Suppliers(context), rules);
    }
}
