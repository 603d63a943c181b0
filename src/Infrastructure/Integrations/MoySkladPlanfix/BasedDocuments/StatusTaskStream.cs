using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.BasedDocuments;

/// <summary>
/// Planfix order tasks as the shipments and returns flows see them: number, status and the id of the basis document.
/// One task when a scenario reports a status change (re-read through the REST API: the request is only a hint), or,
/// in a scheduled or API run, every task at one of the chosen statuses changed since the last run (filters 10 and 38
/// of <c>POST /task/list</c>).
/// </summary>
public sealed class StatusTaskStream(DocumentTasks tasks, IReadOnlyCollection<int> atStatuses, TimeProvider clock) : ISourceStream
{
    // Planfix reads filter dates in the time zone of the token's employee, which the API does not tell; reaching back
    // over every zone (UTC+14) plus a minute (the filter has minutes only) misses nothing. Tasks seen twice are links already.
    private static readonly TimeSpan Overlap = TimeSpan.FromHours(14) + TimeSpan.FromMinutes(1);

    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        if (atStatuses.Count == 0)
        {
            yield return new SourcePage([], null);
            yield break;
        }
        var started = clock.GetUtcNow();
        var fields = await tasks.FieldsAsync(ct);
        var filters = new JsonArray(new JsonObject { ["type"] = 10, ["operator"] = "equal", ["value"] = new JsonArray(atStatuses.Select(s => (JsonNode)s).ToArray()) });
        if (DateTimeOffset.TryParse(cursor, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since))
            filters.Add(new JsonObject
            {
                ["type"] = 38, ["operator"] = "gt",
                ["value"] = new JsonObject { ["dateType"] = "otherDate_withTime", ["dateFrom"] = (since - Overlap).UtcDateTime.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) },
            });
        var body = new JsonObject { ["fields"] = Ask(fields), ["filters"] = filters };
        await foreach (var page in tasks.Client.PagesAsync("/task/list", body, "tasks", ct))
            yield return new SourcePage(page.Select(t => Record(t, fields)).ToList(), null);
        // The cursor moves only once every page was read: a run stopped half-way sweeps from the same point again.
        yield return new SourcePage([], started.ToString("O", CultureInfo.InvariantCulture));
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (!int.TryParse(sourceId, NumberStyles.None, CultureInfo.InvariantCulture, out var taskId))
            return SourceRecord.Malformed(sourceId, "a Planfix task number is a whole number", new JsonObject { ["taskId"] = sourceId });
        var fields = await tasks.FieldsAsync(ct);
        try
        {
            var task = (await tasks.Client.GetAsync($"/task/{taskId}?fields={Ask(fields)}", ct))["task"] as JsonObject ?? [];
            return Record(task, fields);
        }
        catch (PlanfixRefused e) when (e.Code == 1000)
        {
            return null;
        }
    }

    private string Ask(PlanfixFieldIds fields) =>
        fields.Ask("id,status", tasks.Kind.BasisIdField, tasks.Kind.IdField, tasks.Kind.LinkField, OrderFields.Errors);

    private SourceRecord Record(JsonObject task, PlanfixFieldIds fields)
    {
        var kind = tasks.Kind;
        var taskId = task["id"]!.GetValue<int>();
        var basis = fields.TextIn(task, kind.BasisIdField)?.Trim();
        tasks.Remember(new DocumentTask(taskId, basis, fields.TextIn(task, kind.IdField)?.Trim(), fields.TextIn(task, kind.LinkField),
            fields.TextIn(task, OrderFields.Errors)));
        var data = new JsonObject
        {
            ["taskId"] = taskId,
            [AtStatusRule.StatusField] = task["status"]?["id"]?.DeepClone(),
            [BasisMapping.Basis] = basis,
        };
        return new SourceRecord(taskId.ToString(CultureInfo.InvariantCulture), data);
    }
}
