using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>What a Planfix user sets up and types in the screens (tests and the demo use these): fields, contacts, tasks, line items.</summary>
public sealed partial class PlanfixSandbox
{
    /// <summary>Adds a task custom field (type 0 Line, 1 Number, 2 Text, 7 Checkbox, 8 List...) unless one of that name exists; returns its id.</summary>
    public int AddTaskField(string account, string name, int type, params string[] enumValues) =>
        AddField(account, d => d.TaskFields, name, type, 0, enumValues);

    public int AddContactField(string account, string name, int type) => AddField(account, d => d.ContactFields, name, type, 1, []);

    private int AddField(string account, Func<PlanfixAccountData, List<PlanfixField>> list, string name, int type, int objectType, string[] enumValues)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            // The hub creates its order fields when the connection is saved; setting up the same name again keeps that one.
            if (list(data).FirstOrDefault(f => f.Name == name) is { } existing) return existing.Id;
            var field = new PlanfixField(data.NextId(), name, type, objectType, enumValues);
            list(data).Add(field);
            return field.Id;
        }
    }

    /// <summary>Adds a data tag with its fields (type 9 = directory entry, 1 = Number...); returns its id.</summary>
    public int AddDataTag(string account, string name, params (string Name, int Type)[] fields)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var tag = new PlanfixDataTag(data.NextId(), name);
            foreach (var (fieldName, type) in fields) tag.Fields.Add(new PlanfixField(data.NextId(), fieldName, type, 4, []));
            data.DataTags[tag.Id] = tag;
            return tag.Id;
        }
    }

    public int AddContact(string account, string name, string? email = null, params string[] phones)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var contact = new PlanfixContact(data.NextId(), name) { Email = email };
            contact.Phones.AddRange(phones);
            data.Contacts[contact.Id] = contact;
            return contact.Id;
        }
    }

    /// <summary>Adds an employee of the account; an Employee field names it as <c>{"id":"user:N"}</c>.</summary>
    public int AddUser(string account, string name, string lastname, string email)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var user = new PlanfixUser(data.NextId(), name, lastname, email);
            data.Users[user.Id] = user;
            return user.Id;
        }
    }

    /// <param name="templateId">The task template (object) the task was made from; filter 51 of the task list selects by it.</param>
    public int AddTask(string account, string name, int? contactId, int templateId = 0)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var process = data.Processes[0];
            var task = new PlanfixTask(data.NextId(), name)
            {
                ContactId = contactId, TemplateId = templateId, ProcessId = process.Id, StatusId = process.Statuses[0].Id, Updated = data.Clock.GetUtcNow(),
            };
            data.Tasks[task.Id] = task;
            return task.Id;
        }
    }

    /// <summary>Adds a line to a task's data tag: values by field name (a directory entry as its key).</summary>
    public int AddDataTagEntry(string account, int dataTagId, int taskId, IReadOnlyDictionary<string, JsonNode?> values)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var tag = data.DataTags[dataTagId];
            var entry = new PlanfixDataTagEntry(data.NextId(), taskId);
            foreach (var (name, value) in values)
                entry.Values[tag.Fields.Single(f => f.Name == name).Id] = PlanfixValues.Check(tag.Fields.Single(f => f.Name == name), value);
            tag.Entries.Add(entry);
            Commented(data, taskId);
            return entry.Key;
        }
    }

    /// <summary>Removes a task's lines of a data tag (a manager editing the order).</summary>
    public void ClearDataTagEntries(string account, int dataTagId, int taskId)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            if (data.DataTags[dataTagId].Entries.RemoveAll(e => e.TaskId == taskId) > 0) Commented(data, taskId);
        }
    }

    /// <summary>Rows are edited in their comment: the task's last comment moves, its modification date does not.</summary>
    private static void Commented(PlanfixAccountData data, int taskId)
    {
        if (data.Tasks.TryGetValue(taskId, out var task)) task.Commented = data.Clock.GetUtcNow();
    }

    /// <summary>A task's custom values by field name.</summary>
    /// <summary>The task custom field definitions as <c>GET /customfield/task</c> describes them.</summary>
    public IReadOnlyList<JsonObject> TaskFieldsOf(string account)
    {
        var data = Account(account);
        lock (data.Gate) return data.TaskFields.Select(PlanfixAccountData.Describe).ToList();
    }

    public JsonObject TaskValues(string account, int taskId)
    {
        var data = Account(account);
        lock (data.Gate) return ByName(data.TaskFields, data.Tasks[taskId].Values);
    }

    public void SetTaskValue(string account, int taskId, string field, JsonNode? value)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var definition = data.TaskFields.Single(f => f.Name == field);
            data.Tasks[taskId].Values[definition.Id] = PlanfixValues.Check(definition, value);
            data.Tasks[taskId].Updated = data.Clock.GetUtcNow();
        }
    }

    /// <summary>A user moves the task to another status of its process (what a Planfix scenario then reports to the hub).</summary>
    public void SetTaskStatus(string account, int taskId, int statusId)
    {
        var data = Account(account);
        lock (data.Gate) PlanfixTaskList.SetStatus(data, data.Tasks[taskId], statusId);
    }

    /// <summary>The files on a task: name and content.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> TaskFiles(string account, int taskId)
    {
        var data = Account(account);
        lock (data.Gate) return data.Tasks[taskId].Files.Select(id => (data.Files[id].Name, data.Files[id].Content)).ToList();
    }

    /// <summary>The ids of the statuses of the account's order process, by name (e.g. "Отгружен").</summary>
    public int StatusId(string account, string name)
    {
        var data = Account(account);
        lock (data.Gate) return data.Processes[0].Statuses.Single(s => s.Name == name).Id;
    }

    public void SetContactValue(string account, int contactId, string field, JsonNode? value)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var definition = data.ContactFields.Single(f => f.Name == field);
            data.Contacts[contactId].Values[definition.Id] = PlanfixValues.Check(definition, value);
        }
    }

    /// <summary>A contact as {name, email, phones, values: {field name: value}}.</summary>
    public JsonObject Contact(string account, int contactId)
    {
        var data = Account(account);
        lock (data.Gate)
        {
            var contact = data.Contacts[contactId];
            return new JsonObject
            {
                ["name"] = contact.Name, ["email"] = contact.Email,
                ["phones"] = new JsonArray(contact.Phones.Select(p => (JsonNode)p).ToArray()),
                ["values"] = ByName(data.ContactFields, contact.Values),
            };
        }
    }

    private static JsonObject ByName(IEnumerable<PlanfixField> fields, Dictionary<int, JsonNode?> values)
    {
        var json = new JsonObject();
        foreach (var field in fields)
            if (values.TryGetValue(field.Id, out var v)) json[field.Name] = v?.DeepClone();
        return json;
    }
}
