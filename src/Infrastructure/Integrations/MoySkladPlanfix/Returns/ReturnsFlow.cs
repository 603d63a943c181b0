using Koppel.Domain.Sync;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.BasedDocuments;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Shipments;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Returns;

/// <summary>
/// Planfix order task -> MoySklad sales return, when the task reaches a status of <c>returns.atStatuses</c>: made once
/// from the task's MoySklad demand (the shipments flow's), which takes the goods back into stock.
/// </summary>
public static class ReturnsFlow
{
    public const string Key = "returns";
    public const string Entity = "salesreturn";

    public static readonly BasedDocument Document = new(
        Type: "salesreturn", Noun: "return", BasisKey: "demand", BasisType: "demand", BackLink: "returns",
        BasisIdField: OrderFields.ShipmentId, IdField: OrderFields.ReturnId, LinkField: OrderFields.ReturnLink,
        NoBasis: "the task has no MoySklad shipment, and a return is made from the shipment. Move the task to a shipment status first, then set the return status again.");

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Returns (at order statuses)",
        Entity = Entity,
        SourceSystem = "Planfix",
        TargetSystem = "MoySklad",
        Title = new("Task {taskId}", "{name}"),
        DefaultSchedule = "60",
        DependsOn = [ShipmentsFlow.Key],
        CreateOnly = true,
        DefaultMapping = BasisMapping.Default,
        TargetFields = [new(BasisMapping.Basis, "string", "The MoySklad demand the sales return is made from")],
        Build = context => BasedDocumentParts.Build(context, Document, context.SettingsAs<MoySkladPlanfixSettings>().Returns, "returns"),
    };
}
