using System.Collections.Concurrent;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;

/// <summary>What was read of an order task that is not part of the payload: what the hub wrote back, and the contact.</summary>
public sealed record OrderTask(int TaskId, string? OrderId, string? OrderLink, string? Errors, int? ContactId, string? ContactMoySkladId);

/// <summary>
/// The Planfix order tasks of one run: their field ids (read once), what each task held when it was read, and the
/// write-back of the MoySklad id, link and Errors (see <see cref="TaskWriteBack"/>).
/// </summary>
public sealed class OrderTasks(PlanfixClient planfix)
{
    private readonly ConcurrentDictionary<string, OrderTask> _read = new(StringComparer.Ordinal);
    private PlanfixFieldIds? _fields;

    public PlanfixClient Client => planfix;

    public async Task<PlanfixFieldIds> FieldsAsync(CancellationToken ct) =>
        _fields ??= (await PlanfixFieldIds.TaskAsync(planfix, ct)).Require(OrderFields.TaskRequired);

    public void Remember(OrderTask task) => _read[task.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = task;

    public OrderTask? Read(string sourceId) => _read.GetValueOrDefault(sourceId);

    /// <summary>After a successful save: the order's id and link on the task, and its Errors cleared.</summary>
    public Task SucceededAsync(OrderTask task, string orderId, string link, CancellationToken ct) =>
        WriteAsync(task, [(OrderFields.OrderId, task.OrderId, orderId), (OrderFields.OrderLink, task.OrderLink, link), (OrderFields.Errors, task.Errors, "")], ct);

    /// <summary>After a failure: the reason in the task's Errors field, where the manager who pressed the button sees it.</summary>
    public Task FailedAsync(OrderTask task, string reason, CancellationToken ct) =>
        WriteAsync(task, [(OrderFields.Errors, task.Errors, reason)], ct);

    private async Task WriteAsync(OrderTask task, (string Field, string? Now, string Wanted)[] values, CancellationToken ct) =>
        await TaskWriteBack.WriteAsync(planfix, await FieldsAsync(ct), task.TaskId, values, ct);
}
