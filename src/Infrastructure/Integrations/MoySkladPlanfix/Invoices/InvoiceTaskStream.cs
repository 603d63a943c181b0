using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Invoices;

/// <summary>
/// An order task as the "Create invoice" button sends it: the order as the "Update order" button reads it (the order is
/// made first when the task has none) plus the chosen invoice format, so a press after the lines or the format changed
/// is a change, and a press that changes nothing is not.
/// </summary>
public sealed class InvoiceTaskStream(PlanfixOrderStream orders, InvoiceTasks invoices) : ISourceStream
{
    /// <summary>Invoices are pressed one at a time; a sweep of changed tasks by API runs is not built (as for orders).</summary>
    public IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, CancellationToken ct) => orders.ReadAsync(cursor, ct);

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        var record = await orders.ReadOneAsync(sourceId, ct);
        if (record is null || record.Problem is not null) return record;
        var task = await invoices.ReadAsync(record.Data["taskId"]!.GetValue<int>(), ct);
        var data = record.Data.DeepClone().AsObject();
        data[InvoiceMapping.Format] = task.Format;
        return record with { Data = data };
    }
}
