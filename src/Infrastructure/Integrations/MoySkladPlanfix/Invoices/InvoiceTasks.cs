using System.Collections.Concurrent;
using System.Globalization;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Invoices;

/// <summary>What was read of an order task's invoice fields: the invoice the hub wrote back before, and the format chosen.</summary>
public sealed record InvoiceTask(int TaskId, string? InvoiceId, string? InvoiceLink, string Format);

/// <summary>The order tasks of one invoices run: their invoice fields (ids read once), what each held, and the write-back.</summary>
public sealed class InvoiceTasks(PlanfixClient planfix)
{
    private readonly ConcurrentDictionary<string, InvoiceTask> _read = new(StringComparer.Ordinal);
    private PlanfixFieldIds? _fields;

    public async Task<PlanfixFieldIds> FieldsAsync(CancellationToken ct) =>
        _fields ??= (await PlanfixFieldIds.TaskAsync(planfix, ct)).Require([OrderFields.InvoiceId, OrderFields.InvoiceLink, OrderFields.InvoiceFormat, OrderFields.Errors]);

    /// <summary>Reads the task's invoice fields (a second read next to the order's: the orders flow does not ask for them).</summary>
    public async Task<InvoiceTask> ReadAsync(int taskId, CancellationToken ct)
    {
        var fields = await FieldsAsync(ct);
        var ask = fields.Ask("id", OrderFields.InvoiceId, OrderFields.InvoiceLink, OrderFields.InvoiceFormat);
        var task = (await planfix.GetAsync($"/task/{taskId}?fields={ask}", ct))["task"] as System.Text.Json.Nodes.JsonObject ?? [];
        var read = new InvoiceTask(taskId, fields.TextIn(task, OrderFields.InvoiceId)?.Trim(), fields.TextIn(task, OrderFields.InvoiceLink),
            OrderFields.FormatOf(fields.TextIn(task, OrderFields.InvoiceFormat)));
        _read[taskId.ToString(CultureInfo.InvariantCulture)] = read;
        return read;
    }

    public InvoiceTask? Read(string sourceId) => _read.GetValueOrDefault(sourceId);

    /// <summary>The invoice's id and link on the task, and its Errors cleared (<paramref name="errors"/>: what the task held).</summary>
    public async Task SucceededAsync(InvoiceTask task, string? errors, string id, string link, CancellationToken ct) =>
        await TaskWriteBack.WriteAsync(planfix, await FieldsAsync(ct), task.TaskId,
            [(OrderFields.InvoiceId, task.InvoiceId, id), (OrderFields.InvoiceLink, task.InvoiceLink, link), (OrderFields.Errors, errors, "")], ct);

    public async Task FailedAsync(InvoiceTask task, string? errors, string reason, CancellationToken ct) =>
        await TaskWriteBack.WriteAsync(planfix, await FieldsAsync(ct), task.TaskId, [(OrderFields.Errors, errors, reason)], ct);

    /// <summary>Uploads the printed invoice and attaches it to the task.</summary>
    public Task AttachAsync(InvoiceTask task, string name, byte[] content, CancellationToken ct) => planfix.AttachToTaskAsync(task.TaskId, name, content, ct);
}
