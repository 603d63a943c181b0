using Koppel.Domain.Sync;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.BasedDocuments;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Shipments;

/// <summary>
/// Planfix order task -> MoySklad demand, when the task reaches a status of <c>shipments.atStatuses</c> (a scenario's
/// "status-changed" request, or the sweep of changed tasks): made once from the task's MoySklad customer order.
/// </summary>
public static class ShipmentsFlow
{
    public const string Key = "shipments";
    public const string Entity = "demand";

    public static readonly BasedDocument Document = new(
        Type: "demand", Noun: "shipment", BasisKey: "customerOrder", BasisType: "customerorder", BackLink: "demands",
        BasisIdField: OrderFields.OrderId, IdField: OrderFields.ShipmentId, LinkField: OrderFields.ShipmentLink,
        NoBasis: "the task has no MoySklad order yet, and a shipment is made from the order. Press \"Update order\" first, then set the status again.");

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Shipments (at order statuses)",
        Entity = Entity,
        SourceSystem = "Planfix",
        TargetSystem = "MoySklad",
        Title = new("Task {taskId}", "{name}"),
        // Status changes arrive as scenario requests at once; the sweep catches a request Planfix gave up on.
        DefaultSchedule = "60",
        DependsOn = [OrdersFlow.Key],
        CreateOnly = true,
        DefaultMapping = BasisMapping.Default,
        TargetFields = [new(BasisMapping.Basis, "string", "The MoySklad customer order the demand is made from")],
        Build = context => BasedDocumentParts.Build(context, Document, context.SettingsAs<MoySkladPlanfixSettings>().Shipments, "shipments"),
    };
}
