using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>A custom field definition: id (account-wide), name, Planfix type number (0 Line, 1 Number, 2 Text, 7 Checkbox, 8 List...).</summary>
internal sealed record PlanfixField(int Id, string Name, int Type, int ObjectType, IReadOnlyList<string> EnumValues);

/// <summary>An employee of the account (what an Employee field names as <c>{"id":"user:N"}</c>).</summary>
internal sealed record PlanfixUser(int Id, string Name, string Lastname, string Email);

/// <summary>A directory entry: key, archived flag and custom values by field id.</summary>
internal sealed class PlanfixEntry(int key)
{
    public int Key { get; } = key;
    public int? ParentKey { get; set; }
    public bool Archived { get; set; }
    public Dictionary<int, JsonNode?> Values { get; } = [];
}

internal sealed class PlanfixDirectory(int id, string name)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public List<PlanfixField> Fields { get; } = [];
    public SortedDictionary<int, PlanfixEntry> Entries { get; } = [];
}

/// <summary>One Planfix account in memory: directories with their fields and entries, task and contact custom fields.</summary>
internal sealed class PlanfixAccountData
{
    public readonly Lock Gate = new();
    private int _nextId = 100;
    public Dictionary<int, PlanfixDirectory> Directories { get; } = [];
    public List<PlanfixField> TaskFields { get; } = [];
    public List<PlanfixField> ContactFields { get; } = [];
    public Dictionary<int, PlanfixTask> Tasks { get; } = [];
    public Dictionary<int, PlanfixContact> Contacts { get; } = [];
    public Dictionary<int, PlanfixUser> Users { get; } = [];
    public Dictionary<int, PlanfixDataTag> DataTags { get; } = [];
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    public Dictionary<int, PlanfixFile> Files { get; } = [];
    /// <summary>Every account starts with Planfix's order process; new tasks are in it, at its first status.</summary>
    public List<PlanfixProcess> Processes { get; } = [DefaultProcess];

    public static readonly PlanfixProcess DefaultProcess = new(1, "Заказы покупателей",
    [
        new(1, "Новый", "#4573b1", true), new(2, "В работе", "#f2a62a", true), new(3, "Отгружен", "#5cb85c", true),
        new(4, "Возврат", "#d9534f", true), new(5, "Выполнен", "#8c8c8c", false),
    ]);
    /// <summary>Requests left today (code 22 when none are left); the real limit is 20,000 to 100,000 by plan.</summary>
    public int DailyRequestsLeft { get; set; } = 100_000;

    public int NextId() => ++_nextId;

    public PlanfixDirectory AddDirectory(string name, params (string Name, int Type)[] fields)
    {
        var directory = new PlanfixDirectory(NextId(), name);
        foreach (var (fieldName, type) in fields) directory.Fields.Add(new PlanfixField(NextId(), fieldName, type, 2, []));
        Directories[directory.Id] = directory;
        return directory;
    }

    public static JsonObject Describe(PlanfixField field)
    {
        var json = new JsonObject { ["id"] = field.Id, ["name"] = field.Name, ["type"] = field.Type, ["objectType"] = field.ObjectType };
        if (field.EnumValues.Count > 0) json["enumValues"] = new JsonArray(field.EnumValues.Select(v => (JsonNode)v).ToArray());
        return json;
    }
}
