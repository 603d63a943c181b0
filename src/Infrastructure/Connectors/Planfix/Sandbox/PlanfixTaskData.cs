using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>A task (Planfix's "objects" such as a deal are tasks): number, name, its counterparty contact, custom values by field id.</summary>
internal sealed class PlanfixTask(int id, string name)
{
    public int Id { get; } = id;
    public string Name { get; set; } = name;
    public int? ContactId { get; set; }
    public int TemplateId { get; set; }
    public int ProcessId { get; set; }
    public int StatusId { get; set; }
    /// <summary>dateOfLastUpdate: any change of the task or its custom fields, by a user or through the API.</summary>
    public DateTimeOffset Updated { get; set; }
    /// <summary>
    /// The last comment. Data-tag rows live in comments (<c>POST /task/{id}/datatags/</c> adds them as a new comment),
    /// so adding, editing or removing a row moves this, not <see cref="Updated"/>: Planfix documents no link between
    /// rows and the modification date, only filter 79 "date of last modification or comment".
    /// </summary>
    public DateTimeOffset? Commented { get; set; }

    /// <summary>What filter 79 compares: the later of the last modification and the last comment.</summary>
    public DateTimeOffset Touched => Commented is { } c && c > Updated ? c : Updated;
    public Dictionary<int, JsonNode?> Values { get; } = [];
    public List<int> Files { get; } = [];
}

/// <summary>A task process with its statuses (Planfix numbers statuses per account; a task's status must be one of its process).</summary>
internal sealed record PlanfixProcess(int Id, string Name, IReadOnlyList<PlanfixStatus> Statuses);

internal sealed record PlanfixStatus(int Id, string Name, string Color, bool IsActive);

/// <summary>A person contact: name, e-mail, phones and custom values by field id.</summary>
internal sealed class PlanfixContact(int id, string name)
{
    public int Id { get; } = id;
    public string Name { get; set; } = name;
    public string? Lastname { get; set; }
    public string? Email { get; set; }
    public List<string> Phones { get; } = [];
    public Dictionary<int, JsonNode?> Values { get; } = [];
}

/// <summary>A data tag ("analytics"): repeated rows of its own fields, each row attached to a task.</summary>
internal sealed class PlanfixDataTag(int id, string name)
{
    public int Id { get; } = id;
    public string Name { get; } = name;
    public List<PlanfixField> Fields { get; } = [];
    public List<PlanfixDataTagEntry> Entries { get; } = [];
}

internal sealed class PlanfixDataTagEntry(int key, int taskId)
{
    public int Key { get; } = key;
    public int TaskId { get; } = taskId;
    public Dictionary<int, JsonNode?> Values { get; } = [];
}
