using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Domain.Sync;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix.Orders;

/// <summary>
/// A Planfix order task as the "Update order" button sends it: re-read through the REST API (the scenario's request is
/// only a hint), with its counterparty contact and its lines from the line-items data tag. The record holds what goes
/// to MoySklad (contact, reserve flag, lines with prices in kopecks); what the hub itself wrote back to the task stays
/// out of it, so writing back never looks like a change of the order.
/// </summary>
/// <param name="contactExtra">counterparties.extraFields: MoySklad attribute name -> Planfix contact field name.</param>
/// <param name="orderTemplateId">planfix.orderTemplateId: the template whose tasks API and scheduled runs sweep (0: not chosen).</param>
/// <param name="sweptIdField">The task field a swept task must already hold (the order's id; the invoice's for invoices).</param>
public sealed class PlanfixOrderStream(OrderTasks tasks, int lineItemsDataTagId, IReadOnlyDictionary<string, string>? contactExtra = null,
    int orderTemplateId = 0, string sweptIdField = OrderFields.OrderId) : ISourceStream
{
    private PlanfixFieldIds? _contactFields;
    private PlanfixFieldIds? _lineFields;

    /// <summary>
    /// API and scheduled runs: the order tasks changed since the cursor (<see cref="OrderTaskSweep"/>) that already hold
    /// a MoySklad id in <paramref name="sweptIdField"/>, each read as its button reads it. A task nobody pressed for is
    /// left alone: the sweep repairs a missed or failed press, it never makes a document nobody asked for.
    /// </summary>
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        var fields = await tasks.FieldsAsync(ct);
        var sweep = new OrderTaskSweep(tasks.Client, orderTemplateId);
        await foreach (var page in sweep.PagesAsync(cursor, Ask(fields), ct))
        {
            var records = new List<SourceRecord>();
            foreach (var task in page)
                if (fields.Has(sweptIdField) && !string.IsNullOrWhiteSpace(fields.TextIn(task, sweptIdField))) records.Add(await RecordAsync(task, fields, ct));
            yield return new SourcePage(records, null);
        }
        // The cursor moves only once every page was read: a run stopped half-way sweeps from the same point again.
        yield return new SourcePage([], sweep.Latest);
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (!int.TryParse(sourceId, NumberStyles.None, CultureInfo.InvariantCulture, out var taskId))
            return SourceRecord.Malformed(sourceId, "a Planfix task number is a whole number", new JsonObject { ["taskId"] = sourceId });
        var fields = await tasks.FieldsAsync(ct);
        JsonObject task;
        try
        {
            task = (await tasks.Client.GetAsync($"/task/{taskId}?fields={Ask(fields)}", ct))["task"] as JsonObject ?? [];
        }
        catch (PlanfixRefused e) when (e.Code == 1000)
        {
            return null;
        }
        task["id"] = taskId;
        return await RecordAsync(task, fields, ct);
    }

    /// <summary>The task fields a button's read and the sweep ask for.</summary>
    private string Ask(PlanfixFieldIds fields)
    {
        // Organisation and Manager are read when the account has them (the hub creates them; older accounts may not).
        string[] asked = [OrderFields.Reserve, OrderFields.OrderId, OrderFields.OrderLink, OrderFields.Errors,
            .. new[] { OrderFields.Organisation, OrderFields.Manager, sweptIdField }.Where(fields.Has)];
        return fields.Ask("id,name,counterparty", asked.Distinct().ToArray());
    }

    /// <summary>The record of a task read by its button or listed by the sweep: contact, lines, and what the hub wrote back.</summary>
    private async Task<SourceRecord> RecordAsync(JsonObject task, PlanfixFieldIds fields, CancellationToken ct)
    {
        var taskId = task["id"]!.GetValue<int>();
        var (contact, contactId, storedCounterparty) = await ContactAsync(task["counterparty"]?["id"]?.ToString(), ct);
        tasks.Remember(new OrderTask(taskId, Text(fields.ValueIn(task, OrderFields.OrderId)), Text(fields.ValueIn(task, OrderFields.OrderLink)),
            Text(fields.ValueIn(task, OrderFields.Errors)), contactId, storedCounterparty));
        var data = new JsonObject
        {
            ["taskId"] = taskId,
            ["name"] = task["name"]?.ToString(),
            ["contact"] = contact,
            ["reserve"] = fields.ValueIn(task, OrderFields.Reserve)?.GetValueKind() == JsonValueKind.True,
            ["positions"] = await LinesAsync(taskId, ct),
            [OrderFields.OrganisationKey] = fields.Has(OrderFields.Organisation) ? fields.TextIn(task, OrderFields.Organisation)?.Trim() : null,
            [OrderFields.ManagerKey] = fields.Has(OrderFields.Manager) ? await ManagerAsync(fields.ValueIn(task, OrderFields.Manager), ct) : null,
        };
        return new SourceRecord(taskId.ToString(CultureInfo.InvariantCulture), data);
    }

    /// <summary>The task's counterparty contact (name, e-mail, first phone) and the MoySklad id stored on it.</summary>
    private async Task<(JsonObject? Contact, int? Id, string? MoySkladId)> ContactAsync(string? reference, CancellationToken ct)
    {
        // Planfix names persons "contact:5" in references.
        if (reference is null || !int.TryParse(reference.Replace("contact:", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return (null, null, null);
        var extra = contactExtra ?? new Dictionary<string, string>();
        _contactFields ??= (await PlanfixFieldIds.ContactAsync(tasks.Client, ct)).Require([OrderFields.ContactMoySkladId, .. extra.Values]);
        var ask = _contactFields.Ask("id,name,lastname,email,phones", [OrderFields.ContactMoySkladId, .. extra.Values.Distinct()]);
        var contact = (await tasks.Client.GetAsync($"/contact/{id}?fields={ask}", ct))["contact"] as JsonObject ?? [];
        var name = $"{contact["name"]} {contact["lastname"]}".Trim();
        var phone = (contact["phones"] as JsonArray)?.OfType<JsonObject>().Select(p => OrderFields.Clean(p["number"]?.ToString())).FirstOrDefault(p => p is not null);
        var values = new JsonObject();
        foreach (var (attribute, field) in extra) values[attribute] = _contactFields.ValueIn(contact, field)?.DeepClone();
        return (new JsonObject { ["id"] = id, ["name"] = name, ["email"] = OrderFields.Clean(contact["email"]?.ToString()), ["phone"] = phone, ["extra"] = values },
            id, OrderFields.Clean(Text(_contactFields.ValueIn(contact, OrderFields.ContactMoySkladId))));
    }

    /// <summary>
    /// The employee an Employee field names (<c>{"id":"user:3"}</c>) with the e-mail MoySklad's employee is matched by; a
    /// changed manager (or a changed e-mail) makes the order a change.
    /// </summary>
    private async Task<JsonObject?> ManagerAsync(JsonNode? value, CancellationToken ct)
    {
        var id = (value as JsonObject)?["id"]?.ToString();
        if (string.IsNullOrEmpty(id) || id is "0" or "user:0") return null;
        var number = id.StartsWith("user:", StringComparison.Ordinal) ? id[5..] : id;
        var user = (await tasks.Client.GetAsync($"/user/{Uri.EscapeDataString(number)}?fields=id,name,lastname,email", ct))["user"] as JsonObject;
        return new JsonObject { ["id"] = $"user:{number}", ["email"] = OrderFields.Clean(user?["email"]?.ToString()) };
    }

    /// <summary>The data tag rows of the task, in the order they were added: product entry key, quantity, price in kopecks.</summary>
    private async Task<JsonArray> LinesAsync(int taskId, CancellationToken ct)
    {
        _lineFields ??= (await PlanfixFieldIds.DataTagAsync(tasks.Client, lineItemsDataTagId, ct)).Require(OrderFields.LineRequired);
        var lines = new JsonArray();
        var body = new JsonObject { ["taskId"] = taskId, ["fields"] = _lineFields.Ask("key", OrderFields.LineProduct, OrderFields.LineQuantity, OrderFields.LinePrice) };
        await foreach (var page in tasks.Client.PagesAsync($"/datatag/{lineItemsDataTagId}/entry/list", body, "dataTagEntries", ct))
            foreach (var row in page.OrderBy(r => r["key"]?.GetValue<int>()))
            {
                var product = _lineFields.ValueIn(row, OrderFields.LineProduct);
                lines.Add(new JsonObject
                {
                    ["entry"] = (product as JsonObject)?["id"]?.ToString() ?? Text(product),
                    ["quantity"] = Number(_lineFields.ValueIn(row, OrderFields.LineQuantity)),
                    ["price"] = OrderFields.Kopecks(Number(_lineFields.ValueIn(row, OrderFields.LinePrice))),
                });
            }
        return lines;
    }

    private static string? Text(JsonNode? value) => value is null ? null : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    private static decimal Number(JsonNode? value) =>
        value?.GetValueKind() == JsonValueKind.Number ? value.GetValue<decimal>()
        : decimal.TryParse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
