using Koppel.Domain.Sync;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.Planfix;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Counterparties;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Invoices;

/// <summary>
/// Planfix order task -> MoySklad customer invoice, printed (xls or pdf) and attached to the task, on the "Create
/// invoice" button (a scenario's "create-invoice" request runs this flow for the task).
/// </summary>
public static class InvoicesFlow
{
    public const string Key = "invoices";
    public const string Entity = "invoiceout";

    public static FlowDefinition Definition { get; } = new()
    {
        Key = Key,
        Name = "Invoices (Create invoice button)",
        Entity = Entity,
        SourceSystem = "Planfix",
        TargetSystem = "MoySklad",
        Title = new("Task {taskId}", "{name}"),
        // Work arrives by the button; the daily scheduled run sweeps tasks with an invoice whose press was missed or failed.
        DefaultSchedule = "1440",
        DependsOn = [OrdersFlow.Key],
        DefaultMapping = InvoiceMapping.Default,
        TargetFields =
        [
            new("contact", "object", "The counterparty contact (for an order made first)"),
            new("reserve", "boolean", "Reserve in MoySklad (for an order made first)"),
            new("positions", "list", "Lines of an order made first"),
            new(OrderFields.OrganisationKey, "text", "Organisation of an order made first"),
            new(OrderFields.ManagerKey, "object", "Manager of an order made first"),
            new(InvoiceMapping.Format, "string", "Print format: xls or pdf"),
        ],
        Build = Build,
    };

    private static FlowParts Build(FlowContext context)
    {
        var settings = context.SettingsAs<MoySkladPlanfixSettings>();
        var planfix = PlanfixClient.Create(context);
        var moySklad = MoySkladClient.Create(context);
        var orderTasks = new OrderTasks(planfix);
        var invoices = new InvoiceTasks(planfix);
        var orders = new MoySkladOrderSink(moySklad, orderTasks, new CounterpartyMatcher(moySklad, planfix), settings.Orders, context.Links);
        return new FlowParts(
            new InvoiceTaskStream(new PlanfixOrderStream(orderTasks, settings.Planfix.LineItemsDataTagId, settings.Counterparties.ExtraFields,
                settings.Planfix.OrderTemplateId, OrderFields.InvoiceId), invoices),
            new MoySkladInvoiceSink(moySklad, orders, orderTasks, invoices),
            []);
    }
}
