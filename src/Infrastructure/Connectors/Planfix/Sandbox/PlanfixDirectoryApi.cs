using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>
/// Directories and their entries as Planfix's REST API serves them: entry lists by POST with offset/pageSize (at
/// most 100) and filters (6006 key, 6005 archived, 6101 Line / 6102 Number with <c>field</c>), custom values checked
/// by field type, and <c>fields</c> deciding which custom values come back.
/// </summary>
internal static class PlanfixDirectoryApi
{
    public static JsonObject Directories(PlanfixAccountData data) => Success("directories",
        new JsonArray(data.Directories.Values.Select(d => (JsonNode)new JsonObject { ["id"] = d.Id, ["name"] = d.Name }).ToArray()));

    public static JsonObject Fields(PlanfixAccountData data, int id) => Success("customfields",
        new JsonArray(Directory(data, id).Fields.Select(f => (JsonNode)PlanfixAccountData.Describe(f)).ToArray()));

    public static JsonObject Create(PlanfixAccountData data, int id, JsonObject body)
    {
        var directory = Directory(data, id);
        var entry = new PlanfixEntry(data.NextId());
        Apply(directory, entry, body);
        directory.Entries[entry.Key] = entry;
        return new JsonObject { ["result"] = "success", ["key"] = entry.Key };
    }

    public static JsonObject Update(PlanfixAccountData data, int id, int key, JsonObject body)
    {
        var directory = Directory(data, id);
        var entry = directory.Entries.GetValueOrDefault(key) ?? throw PlanfixError.EntryNotFound(key);
        Apply(directory, entry, body);
        return new JsonObject { ["result"] = "success" };
    }

    public static JsonObject Get(PlanfixAccountData data, int id, int key, string? fields)
    {
        var directory = Directory(data, id);
        var entry = directory.Entries.GetValueOrDefault(key) ?? throw PlanfixError.EntryNotFound(key);
        return Success("entry", Describe(directory, entry, Wanted(fields)));
    }

    public static JsonObject List(PlanfixAccountData data, int id, JsonObject body)
    {
        var directory = Directory(data, id);
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        var pageSize = body["pageSize"]?.GetValue<int>() ?? 100;
        if (pageSize is < 1 or > 100) throw PlanfixError.BadValue("pageSize must be between 1 and 100");
        IEnumerable<PlanfixEntry> entries = directory.Entries.Values;
        foreach (var filter in (body["filters"] as JsonArray ?? []).OfType<JsonObject>())
            entries = Filter(entries, filter);
        var wanted = Wanted(body["fields"]?.ToString());
        return Success("directoryEntries", new JsonArray(entries.Skip(offset).Take(pageSize).Select(e => (JsonNode)Describe(directory, e, wanted)).ToArray()));
    }

    private static IEnumerable<PlanfixEntry> Filter(IEnumerable<PlanfixEntry> entries, JsonObject filter)
    {
        var type = filter["type"]?.GetValue<int>() ?? throw PlanfixError.BadValue("filter type is required");
        var op = filter["operator"]?.ToString() ?? "equal";
        var value = filter["value"];
        bool Keep(bool match) => op == "notequal" ? !match : match;
        return type switch
        {
            6006 => entries.Where(e => Keep(value is JsonArray keys ? keys.Any(k => k!.GetValue<int>() == e.Key) : value!.GetValue<int>() == e.Key)),
            6005 => entries.Where(e => Keep(e.Archived == value!.GetValue<bool>())),
            6101 or 6102 => entries.Where(e => Keep(
                e.Values.TryGetValue(filter["field"]?.GetValue<int>() ?? throw PlanfixError.BadValue("field is required for a custom field filter"), out var v)
                && v?.ToString() == value?.ToString())),
            _ => throw PlanfixError.BadValue($"Filter type {type} is not supported for directory entries"),
        };
    }

    private static void Apply(PlanfixDirectory directory, PlanfixEntry entry, JsonObject body)
    {
        if (body["archived"] is { } archived) entry.Archived = archived.GetValue<bool>();
        if (body["parentKey"] is { } parent) entry.ParentKey = parent.GetValue<int>();
        PlanfixCustomValues.Apply(directory.Fields, entry.Values, body["customFieldData"], $"directory {directory.Id}");
    }

    private static JsonObject Describe(PlanfixDirectory directory, PlanfixEntry entry, HashSet<string>? wanted)
    {
        var json = new JsonObject { ["key"] = entry.Key };
        if (wanted is null || wanted.Contains("archived")) json["archived"] = entry.Archived;
        if (wanted is null || wanted.Contains("parentKey")) { if (entry.ParentKey is { } p) json["parentKey"] = p; }
        if (wanted is null || wanted.Contains("directory")) json["directory"] = new JsonObject { ["id"] = directory.Id, ["name"] = directory.Name };
        if (wanted is null || wanted.Contains("isGroup")) json["isGroup"] = false;
        if (PlanfixCustomValues.Describe(directory.Fields, entry.Values, wanted) is { } values) json["customFieldData"] = values;
        return json;
    }

    private static HashSet<string>? Wanted(string? fields) => PlanfixCustomValues.Wanted(fields);

    private static PlanfixDirectory Directory(PlanfixAccountData data, int id) =>
        data.Directories.GetValueOrDefault(id) ?? throw PlanfixError.DirectoryNotFound(id);

    public static JsonObject Success(string key, JsonNode value) => new() { ["result"] = "success", [key] = value };
}
