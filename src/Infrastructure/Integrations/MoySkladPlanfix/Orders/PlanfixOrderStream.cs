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
public sealed class PlanfixOrderStream(OrderTasks tasks, int lineItemsDataTagId, IReadOnlyDictionary<string, string>? contactExtra = null) : ISourceStream
{
    private PlanfixFieldIds? _contactFields;
    private PlanfixFieldIds? _lineFields;

    /// <summary>Orders are pressed one at a time; a sweep of changed tasks by API runs is not built yet.</summary>
    public async IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        yield return new SourcePage([], null);
    }

    public async Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct)
    {
        if (!int.TryParse(sourceId, NumberStyles.None, CultureInfo.InvariantCulture, out var taskId))
            return SourceRecord.Malformed(sourceId, "a Planfix task number is a whole number", new JsonObject { ["taskId"] = sourceId });
        var planfix = tasks.Client;
        var fields = await tasks.FieldsAsync(ct);
        JsonObject task;
        try
        {
            // Organisation and Manager are read when the account has them (the hub creates them; older accounts may not).
            string[] asked = [OrderFields.Reserve, OrderFields.OrderId, OrderFields.OrderLink, OrderFields.Errors,
                .. new[] { OrderFields.Organisation, OrderFields.Manager }.Where(fields.Has)];
            var ask = fields.Ask("id,name,counterparty", asked);
            task = (await planfix.GetAsync($"/task/{taskId}?fields={ask}", ct))["task"] as JsonObject ?? [];
        }
        catch (PlanfixRefused e) when (e.Code == 1000)
        {
            return null;
        }
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
        return new SourceRecord(sourceId, data);
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
