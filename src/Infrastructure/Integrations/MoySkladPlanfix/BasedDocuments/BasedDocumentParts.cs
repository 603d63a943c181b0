using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.MoySklad;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.BasedDocuments;

/// <summary>The parts of a shipments or returns run: order tasks at the chosen statuses, the MoySklad document made from its basis.</summary>
public static class BasedDocumentParts
{
    /// <param name="option">Where <paramref name="statuses"/> sit in the tenant's settings ("shipments" or "returns").</param>
    public static FlowParts Build(FlowContext context, BasedDocument kind, StatusOptions statuses, string option)
    {
        var tasks = new DocumentTasks(PlanfixClient.Create(context), kind);
        return new FlowParts(
            new StatusTaskStream(tasks, statuses.AtStatuses, context.Clock),
            new BasedDocumentSink(MoySkladClient.Create(context), tasks),
            [new AtStatusRule(statuses.AtStatuses, kind.Noun, option + ".atStatuses")]);
    }
}
