using System.Collections.Concurrent;
using System.Globalization;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.BasedDocuments;

/// <summary>The order tasks of one shipments or returns run: their field ids (read once), what each held, and the write-back.</summary>
public sealed class DocumentTasks(PlanfixClient planfix, BasedDocument kind)
{
    private readonly ConcurrentDictionary<string, DocumentTask> _read = new(StringComparer.Ordinal);
    private PlanfixFieldIds? _fields;

    public PlanfixClient Client => planfix;
    public BasedDocument Kind => kind;

    public async Task<PlanfixFieldIds> FieldsAsync(CancellationToken ct) =>
        _fields ??= (await PlanfixFieldIds.TaskAsync(planfix, ct)).Require([kind.BasisIdField, kind.IdField, kind.LinkField, OrderFields.Errors]);

    public void Remember(DocumentTask task) => _read[task.TaskId.ToString(CultureInfo.InvariantCulture)] = task;

    public DocumentTask? Read(string sourceId) => _read.GetValueOrDefault(sourceId);

    /// <summary>The document's id and link on the task, and its Errors cleared.</summary>
    public async Task SucceededAsync(DocumentTask task, string id, string link, CancellationToken ct) =>
        await TaskWriteBack.WriteAsync(planfix, await FieldsAsync(ct), task.TaskId,
            [(kind.IdField, task.DocumentId, id), (kind.LinkField, task.DocumentLink, link), (OrderFields.Errors, task.Errors, "")], ct);

    /// <summary>The reason in the task's Errors field, where the manager who moved the task sees it.</summary>
    public async Task FailedAsync(DocumentTask task, string reason, CancellationToken ct) =>
        await TaskWriteBack.WriteAsync(planfix, await FieldsAsync(ct), task.TaskId, [(OrderFields.Errors, task.Errors, reason)], ct);
}
