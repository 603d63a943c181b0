using Koppel.Domain.Sync;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Counterparties;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;

/// <summary>
/// Planfix order task -> MoySklad customer order, on the "Update order" button (a Planfix scenario calls
/// <c>/hooks/{tenant}/planfix</c> with action "update-order"; the delivery runs this flow for that task).
/// </summary>
public static class OrdersFlow
{
    public const string Key = "orders";
    public const string Entity = "customerorder";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Orders (Update order button)",
        Entity = Entity,
        SourceSystem = "Planfix",
        TargetSystem = "MoySklad",
        Title = new("Task {taskId}", "{name}", "{contact.name}"),
        // Work arrives by the button; the daily scheduled run sweeps tasks with an order whose press was missed or failed.
        DefaultSchedule = "1440",
        DefaultMapping = OrderMapping.Default,
        TargetFields =
        [
            new("contact", "object", "The counterparty contact: name, e-mail, first phone"),
            new("reserve", "boolean", "Reserve in MoySklad"),
            new("positions", "list", "Lines: product directory entry, quantity, price in kopecks"),
            new(OrderFields.OrganisationKey, "text", "Organisation (name of a MoySklad organisation; empty: the settings' one)"),
            new(OrderFields.ManagerKey, "object", "Manager: the Planfix employee and e-mail the MoySklad employee (owner) is matched by"),
        ],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<MoySkladPlanfixSettings>();
        var planfix = PlanfixClient.Create(context);
        var moySklad = MoySkladClient.Create(context);
        var tasks = new OrderTasks(planfix);
        return new FlowParts(
            new PlanfixOrderStream(tasks, settings.Planfix.LineItemsDataTagId, settings.Counterparties.ExtraFields, settings.Planfix.OrderTemplateId),
            new MoySkladOrderSink(moySklad, tasks, new CounterpartyMatcher(moySklad, planfix), settings.Orders, context.Links),
            []);
    }
}
