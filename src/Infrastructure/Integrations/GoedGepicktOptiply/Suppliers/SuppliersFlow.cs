using Koppel.Domain.Integrations.GoedGepicktOptiply;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.GoedGepickt;
using Koppel.Infrastructure.Connectors.Optiply;
using Koppel.Infrastructure.Integrations;

namespace Koppel.Infrastructure.Integrations.GoedGepicktOptiply.Suppliers;

/// <summary>
/// GoedGepickt suppliers to Optiply suppliers: name, e-mail, backorders allowed, backorder threshold. Not synced at
/// all for fulfilment accounts (a supplier cannot be tied to a fulfilment customer). A supplier gone from GG is set
/// to ignored in Optiply.
/// </summary>
public static class SuppliersFlow
{
    public const string Key = "suppliers";
    public const string Entity = "supplier";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Suppliers",
        Entity = Entity,
        SourceSystem = GgFlowParts.SourceSystem,
        TargetSystem = GgFlowParts.TargetSystem,
        Title = new("{name}"),
        DefaultSchedule = "1440",
        ScheduleFromSettings = GgFlowParts.Nightly,
        Reconciles = true,
        DefaultMapping = DefaultMappings.Suppliers,
        TargetFields =
        [
            new("name", "text", "Supplier name"),
            new("emails", "list", "E-mail addresses"),
            new("backorders", "boolean", "Backorders allowed"),
            new("backorderThreshold", "number", "Backorder threshold"),
        ],
        Build = Build,
        SourceCount = GoedGepicktCounts.Suppliers,
        TargetCount = OptiplyCounts.Suppliers,
    };

    private static FlowParts Build(FlowContext context)
    {
        var client = GgFlowParts.Client(context);
        ISourceStream source = client.Account.IsFulfilment
            ? new NoRecords()
            : new WithDeletionsOfUnseen(new GoedGepicktStream(client, "suppliers", [], one: false), context.Links, Entity);
        IRecordRule[] rules = [new SupplierFigures(GgFlowParts.Settings(context).Suppliers)];
        return new FlowParts(source, OptiplySinks.Suppliers(context), rules);
    }
}
