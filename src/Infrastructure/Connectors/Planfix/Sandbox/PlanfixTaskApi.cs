using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>
/// Tasks, contacts, their custom field definitions and data tag rows as Planfix's REST API serves them: reads by
/// GET with <c>fields</c> (custom values only for listed ids), updates by POST that merge <c>customFieldData</c> by
/// field id and refuse keys the update request does not have, data tag rows listed by POST per task.
/// </summary>
internal static class PlanfixTaskApi
{
    // Keys of Planfix's TaskUpdateRequest / ContactRequest (swagger); anything else is refused.
    private static readonly HashSet<string> TaskKeys =
    [
        "name", "description", "priority", "status", "processId", "resultChecking", "type", "assigner", "parent", "object", "template",
        "project", "counterparty", "dateTime", "startDateTime", "endDateTime", "hasStartDate", "hasEndDate", "hasStartTime", "hasEndTime",
        "delayedTillDate", "duration", "durationUnit", "durationType", "overdue", "closeToDeadLine", "notAcceptedInTime", "inFavorites",
        "isSummary", "isSequential", "assignees", "participants", "auditors", "isDeleted", "customFieldData", "files", "sourceObjectId",
        "sourceDataVersion",
    ];
    private static readonly HashSet<string> ContactKeys =
    [
        "template", "sourceId", "name", "midname", "lastname", "gender", "description", "address", "site", "email", "secondaryEmails",
        "skype", "facebook", "vk", "instagram", "telegram", "position", "group", "isCompany", "isDeleted", "birthDate", "phones",
        "companies", "contacts", "supervisors", "customFieldData", "files", "dataTags", "sourceObjectId", "sourceDataVersion",
    ];

    // Keys of Planfix's custom field creation request (swagger CustomFieldRequest, as assumed).
    private static readonly HashSet<string> FieldKeys = ["name", "names", "type", "groupId", "directoryId", "enumValues", "mainValue"];

    /// <summary>POST /customfield/task/ or /customfield/contact/: a new field of that object type; 201 with its id.</summary>
    public static JsonObject AddField(PlanfixAccountData data, List<PlanfixField> fields, int objectType, JsonObject body)
    {
        PlanfixCustomValues.OnlyKnown(body, FieldKeys, "custom field");
        var name = body["name"]?.ToString();
        if (string.IsNullOrWhiteSpace(name)) throw new PlanfixError(400, 40, "Missing mandatory parameter: name");
        var type = body["type"]?.GetValue<int>() ?? throw new PlanfixError(400, 40, "Missing mandatory parameter: type");
        var values = (body["enumValues"] as JsonArray ?? []).Select(v => v!.ToString()).ToArray();
        var field = new PlanfixField(data.NextId(), name, type, objectType, values);
        fields.Add(field);
        return new JsonObject { ["result"] = "success", ["id"] = field.Id };
    }

    public static JsonObject Fields(IReadOnlyList<PlanfixField> fields) =>
        PlanfixDirectoryApi.Success("customfields", new JsonArray(fields.Select(f => (JsonNode)PlanfixAccountData.Describe(f)).ToArray()));

    public static JsonObject GetTask(PlanfixAccountData data, int id, string? fields)
    {
        var task = data.Tasks.GetValueOrDefault(id) ?? throw PlanfixError.TaskNotFound(id);
        var wanted = PlanfixCustomValues.Wanted(fields);
        bool Wants(string name) => wanted is null || wanted.Contains(name);
        var json = new JsonObject { ["id"] = task.Id };
        if (Wants("name")) json["name"] = task.Name;
        if (Wants("template") && task.TemplateId > 0) json["template"] = new JsonObject { ["id"] = task.TemplateId };
        if (Wants("status")) json["status"] = PlanfixTaskList.Describe(data, task);
        if (Wants("processId")) json["processId"] = task.ProcessId;
        if (Wants("dateOfLastUpdate")) json["dateOfLastUpdate"] = PlanfixTaskList.TimePoint(task.Updated);
        if (Wants("counterparty") && task.ContactId is { } contact && data.Contacts.TryGetValue(contact, out var person))
            json["counterparty"] = new JsonObject { ["id"] = $"contact:{contact}", ["name"] = person.Name };
        if (PlanfixCustomValues.Describe(data.TaskFields, task.Values, wanted) is { } values) json["customFieldData"] = values;
        return PlanfixDirectoryApi.Success("task", json);
    }

    public static JsonObject UpdateTask(PlanfixAccountData data, int id, JsonObject body)
    {
        var task = data.Tasks.GetValueOrDefault(id) ?? throw PlanfixError.TaskNotFound(id);
        PlanfixCustomValues.OnlyKnown(body, TaskKeys, "task");
        if (body["name"]?.ToString() is { Length: > 0 } name) task.Name = name;
        if (body["status"] is { } status)
            PlanfixTaskList.SetStatus(data, task, status["id"]?.GetValue<int>() ?? throw PlanfixError.BadValue("status.id is required"));
        PlanfixCustomValues.Apply(data.TaskFields, task.Values, body["customFieldData"], "tasks");
        task.Updated = data.Clock.GetUtcNow();
        return new JsonObject { ["result"] = "success" };
    }

    public static JsonObject GetContact(PlanfixAccountData data, int id, string? fields)
    {
        var contact = data.Contacts.GetValueOrDefault(id) ?? throw PlanfixError.ContactNotFound(id);
        var wanted = PlanfixCustomValues.Wanted(fields);
        bool Wants(string name) => wanted is null || wanted.Contains(name);
        var json = new JsonObject { ["id"] = contact.Id };
        if (Wants("name")) json["name"] = contact.Name;
        if (Wants("lastname")) json["lastname"] = contact.Lastname ?? "";
        if (Wants("isCompany")) json["isCompany"] = false;
        if (Wants("email")) json["email"] = contact.Email ?? "";
        if (Wants("phones"))
            json["phones"] = new JsonArray(contact.Phones.Select(p => (JsonNode)new JsonObject { ["number"] = p, ["maskedNumber"] = p, ["type"] = 1 }).ToArray());
        if (PlanfixCustomValues.Describe(data.ContactFields, contact.Values, wanted) is { } values) json["customFieldData"] = values;
        return PlanfixDirectoryApi.Success("contact", json);
    }

    /// <summary>GET /user/{id} (id as "user:3" or 3): the employee with the asked system fields.</summary>
    public static JsonObject GetUser(PlanfixAccountData data, string id, string? fields)
    {
        var number = PlanfixValues.UserNumber(JsonValue.Create(id));
        var user = number is { } n ? data.Users.GetValueOrDefault(n) : null;
        if (user is null) throw PlanfixError.UserNotFound(id);
        var wanted = PlanfixCustomValues.Wanted(fields);
        bool Wants(string name) => wanted is null || wanted.Contains(name);
        var json = new JsonObject { ["id"] = user.Id };
        if (Wants("name")) json["name"] = user.Name;
        if (Wants("lastname")) json["lastname"] = user.Lastname;
        if (Wants("email")) json["email"] = user.Email;
        return PlanfixDirectoryApi.Success("user", json);
    }

    public static JsonObject UpdateContact(PlanfixAccountData data, int id, JsonObject body)
    {
        var contact = data.Contacts.GetValueOrDefault(id) ?? throw PlanfixError.ContactNotFound(id);
        PlanfixCustomValues.OnlyKnown(body, ContactKeys, "contact");
        if (body["name"]?.ToString() is { Length: > 0 } name) contact.Name = name;
        if (body["email"] is { } email) contact.Email = email.ToString();
        if (body["phones"] is JsonArray phones)
        {
            // Whether Planfix replaces or merges the list is not documented; replacing is assumed.
            contact.Phones.Clear();
            contact.Phones.AddRange(phones.Select(p => p?["number"]?.ToString()).OfType<string>());
        }
        PlanfixCustomValues.Apply(data.ContactFields, contact.Values, body["customFieldData"], "contacts");
        return new JsonObject { ["result"] = "success" };
    }

    public static JsonObject GetDataTag(PlanfixAccountData data, int id)
    {
        var tag = data.DataTags.GetValueOrDefault(id) ?? throw PlanfixError.DataTagNotFound(id);
        return PlanfixDirectoryApi.Success("dataTag", new JsonObject
        {
            ["id"] = tag.Id, ["name"] = tag.Name,
            ["fields"] = new JsonArray(tag.Fields.Select(f => (JsonNode)PlanfixAccountData.Describe(f)).ToArray()),
        });
    }

    /// <summary>POST /datatag/{id}/entry/list: the rows of a data tag, those of one task when <c>taskId</c> is given.</summary>
    public static JsonObject Entries(PlanfixAccountData data, int id, JsonObject body)
    {
        var tag = data.DataTags.GetValueOrDefault(id) ?? throw PlanfixError.DataTagNotFound(id);
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        var pageSize = body["pageSize"]?.GetValue<int>() ?? 100;
        if (pageSize is < 1 or > 100) throw PlanfixError.BadValue("pageSize must be between 1 and 100");
        var taskId = body["taskId"]?.GetValue<int>();
        var wanted = PlanfixCustomValues.Wanted(body["fields"]?.ToString());
        var rows = tag.Entries.Where(e => taskId is null || e.TaskId == taskId).Skip(offset).Take(pageSize).Select(e =>
        {
            var json = new JsonObject
            {
                ["key"] = e.Key, ["dataTag"] = new JsonObject { ["id"] = tag.Id, ["name"] = tag.Name }, ["task"] = new JsonObject { ["id"] = e.TaskId },
            };
            if (PlanfixCustomValues.Describe(tag.Fields, e.Values, wanted) is { } values) json["customFieldData"] = values;
            return (JsonNode)json;
        });
        return PlanfixDirectoryApi.Success("dataTagEntries", new JsonArray(rows.ToArray()));
    }
}
