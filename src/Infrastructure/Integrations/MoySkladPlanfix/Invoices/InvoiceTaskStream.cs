using System.Runtime.CompilerServices;
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
    /// <summary>API and scheduled runs: the changed order tasks that already have an invoice (the orders stream sweeps them).</summary>
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in orders.ReadAsync(cursor, ct))
        {
            var records = new List<SourceRecord>(page.Records.Count);
            foreach (var record in page.Records) records.Add(await WithFormatAsync(record, ct));
            yield return page with { Records = records };
        }
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct) =>
        await orders.ReadOneAsync(sourceId, ct) is { } record ? await WithFormatAsync(record, ct) : null;

    private async Task<SourceRecord> WithFormatAsync(SourceRecord record, CancellationToken ct)
    {
        if (record.Problem is not null) return record;
        var task = await invoices.ReadAsync(record.Data["taskId"]!.GetValue<int>(), ct);
        var data = record.Data.DeepClone().AsObject();
        data[InvoiceMapping.Format] = task.Format;
        return record with { Data = data };
    }
}
