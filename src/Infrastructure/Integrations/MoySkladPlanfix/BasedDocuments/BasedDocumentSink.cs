using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.MoySklad;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.BasedDocuments;

/// <summary>
/// Makes the MoySklad document of an order task from its basis with MoySklad's template, once: before creating, the
/// id stored on the task and the basis's own list of documents made from it are checked, so neither a lost hub link
/// nor a crash between the create and the write-back gives a second demand or return. Id and link go back to the task;
/// a failure goes, in words a manager understands, into the task's Errors field, and the next success clears it.
/// </summary>
public sealed class BasedDocumentSink(MoySkladClient moySklad, DocumentTasks tasks) : ITargetSink
{
    private BasedDocument Kind => tasks.Kind;

    public async Task<string?> FindAsync(string sourceId, CancellationToken ct)
    {
        var task = Task(sourceId);
        if (task.DocumentId is { } stored && await moySklad.GetAsync(Kind.Type, stored, ct) is not null) return stored;
        if (task.BasisId is null) return null;
        var basis = await moySklad.GetAsync(Kind.BasisType, task.BasisId, ct);
        return (basis?[Kind.BackLink] as JsonArray)?.Select(MoySkladClient.IdOf).FirstOrDefault(id => id is not null);
    }

    public async Task<TargetWrite> CreateAsync(string sourceId, JsonObject payload, CancellationToken ct)
    {
        var task = Task(sourceId);
        try
        {
            if (task.BasisId is null) throw new SyncProblem(Kind.NoBasis);
            var template = await moySklad.TemplateAsync(Kind.Type, new JsonObject { [Kind.BasisKey] = moySklad.Reference(Kind.BasisType, task.BasisId) }, ct);
            var document = await moySklad.CreateAsync(Kind.Type, template, ct);
            return await WrittenBackAsync(task, document, ct);
        }
        catch (SyncProblem e)
        {
            await FailedAsync(task, $"MoySklad {Kind.Noun} not made: {e.Message}", ct);
            throw;
        }
    }

    /// <summary>The document exists already (made by an earlier run or by hand): only its id and link go to the task.</summary>
    public async Task<TargetWrite> UpdateAsync(string targetId, string sourceId, JsonObject payload, CancellationToken ct)
    {
        var document = await moySklad.GetAsync(Kind.Type, targetId, ct);
        return document is null ? await CreateAsync(sourceId, payload, ct) : await WrittenBackAsync(Task(sourceId), document, ct);
    }

    /// <summary>Documents in MoySklad are the accounting's: a task gone from Planfix leaves them alone.</summary>
    public Task<string?> DeleteAsync(string targetId, CancellationToken ct) =>
        System.Threading.Tasks.Task.FromResult<string?>($"The Planfix task is gone; MoySklad {Kind.Noun} {targetId} was kept.");

    private async Task<TargetWrite> WrittenBackAsync(DocumentTask task, JsonObject document, CancellationToken ct)
    {
        var id = document["id"]!.ToString();
        await tasks.SucceededAsync(task, id, MoySkladClient.Link(document), ct);
        return new TargetWrite(id, document.ToJsonString());
    }

    private async Task FailedAsync(DocumentTask task, string reason, CancellationToken ct)
    {
        try
        {
            await tasks.FailedAsync(task, reason, ct);
        }
        catch (SyncProblem)
        {
            // Planfix itself refused (e.g. its daily limit): the hub's log still has the first reason, which matters more.
        }
    }

    private DocumentTask Task(string sourceId) =>
        tasks.Read(sourceId) ?? throw new SyncProblem($"The Planfix task {sourceId} was not read in this run.");
}
