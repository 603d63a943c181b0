using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.Planfix.Sandbox;

/// <summary>
/// Task statuses and <c>POST /task/list</c> as Planfix serves them: statuses per process (a status outside the task's
/// process is code 41 "Status not find by id"), and the task filters the hub uses (Planfix's "complex task filters"):
/// 10 status (an id or a list of ids), 51 template (a template id), 38 date of last modification and 79 date of last
/// modification or comment (<c>{"dateType":"otherDate_withTime","dateFrom":"dd-MM-yyyy HH:mm"}</c>, minutes only, with
/// <c>gtAndEqual</c>/<c>ltAndEqual</c> besides <c>equal</c>/<c>gt</c>/<c>lt</c> as for every date filter).
/// Other filter types are refused rather than ignored, so a client cannot believe a filter worked.
/// </summary>
internal static class PlanfixTaskList
{
    private const string DateTimeFormat = "dd-MM-yyyy HH:mm";

    public static JsonObject Processes(PlanfixAccountData data) =>
        PlanfixDirectoryApi.Success("processes", new JsonArray(data.Processes.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = p.Name }).ToArray()));

    public static JsonObject Statuses(PlanfixAccountData data, int processId)
    {
        var process = data.Processes.FirstOrDefault(p => p.Id == processId) ?? throw PlanfixError.BadValue($"Process {processId} not found");
        return PlanfixDirectoryApi.Success("statuses", new JsonArray(process.Statuses.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id, ["name"] = s.Name, ["color"] = s.Color, ["isActive"] = s.IsActive, ["hasDeadline"] = false, ["isAppliedIndividually"] = false,
        }).ToArray()));
    }

    public static void SetStatus(PlanfixAccountData data, PlanfixTask task, int statusId)
    {
        var process = data.Processes.First(p => p.Id == task.ProcessId);
        if (process.Statuses.All(s => s.Id != statusId)) throw PlanfixError.BadValue("Status not find by id");
        task.StatusId = statusId;
        task.Updated = data.Clock.GetUtcNow();
    }

    public static JsonObject Describe(PlanfixAccountData data, PlanfixTask task)
    {
        var status = data.Processes.First(p => p.Id == task.ProcessId).Statuses.First(s => s.Id == task.StatusId);
        return new JsonObject { ["id"] = status.Id, ["name"] = status.Name, ["color"] = status.Color, ["isActive"] = status.IsActive };
    }

    /// <summary>Planfix's TimePoint (the emulator's employee works in UTC).</summary>
    public static JsonObject TimePoint(DateTimeOffset at) => new()
    {
        ["date"] = at.UtcDateTime.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        ["time"] = at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["datetime"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture),
    };

    public static JsonObject List(PlanfixAccountData data, JsonObject body)
    {
        PlanfixCustomValues.OnlyKnown(body, new HashSet<string> { "offset", "pageSize", "filterId", "fields", "sourceId", "filters" }, "task list");
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        var pageSize = body["pageSize"]?.GetValue<int>() ?? 100;
        if (pageSize is < 1 or > 100) throw PlanfixError.BadValue("pageSize must be between 1 and 100");
        var tests = (body["filters"] as JsonArray ?? []).OfType<JsonObject>().Select(Filter).ToList();
        var fields = body["fields"]?.ToString();
        var tasks = data.Tasks.Values.Where(t => tests.All(test => test(t))).OrderBy(t => t.Id).Skip(offset).Take(pageSize)
            .Select(t => PlanfixTaskApi.GetTask(data, t.Id, fields)["task"]!.DeepClone()).ToArray();
        return PlanfixDirectoryApi.Success("tasks", new JsonArray(tasks));
    }

    private static Func<PlanfixTask, bool> Filter(JsonObject filter)
    {
        var type = filter["type"]?.GetValue<int>() ?? throw new PlanfixError(400, 40, "Missing mandatory parameter: filters.type");
        var op = filter["operator"]?.ToString() ?? throw new PlanfixError(400, 40, "Missing mandatory parameter: filters.operator");
        var value = filter["value"];
        switch (type)
        {
            case 10 when op is "equal" or "notequal":
                var ids = value is JsonArray list ? list.Select(v => v!.GetValue<int>()).ToHashSet() : [value!.GetValue<int>()];
                return op == "equal" ? t => ids.Contains(t.StatusId) : t => !ids.Contains(t.StatusId);
            case 51 when op is "equal" or "notequal":
                var template = value?.GetValueKind() == JsonValueKind.Number ? value.GetValue<int>() : throw PlanfixError.BadValue("Filter value must be a template id");
                return op == "equal" ? t => t.TemplateId == template : t => t.TemplateId != template;
            case 38 or 79 when op is "gt" or "lt" or "equal" or "gtAndEqual" or "ltAndEqual":
                var at = Moment(value);
                Func<PlanfixTask, DateTimeOffset> date = type == 38 ? t => t.Updated : t => t.Touched;
                return op switch
                {
                    "gt" => t => Minute(date(t)) > at,
                    "lt" => t => Minute(date(t)) < at,
                    "gtAndEqual" => t => Minute(date(t)) >= at,
                    "ltAndEqual" => t => Minute(date(t)) <= at,
                    _ => t => Minute(date(t)) == at,
                };
            default:
                throw PlanfixError.BadValue($"Filter type {type} with operator '{op}' is not supported");
        }
    }

    private static DateTime Minute(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    private static DateTime Moment(JsonNode? value)
    {
        if (value?["dateType"]?.ToString() != "otherDate_withTime" || value["dateFrom"]?.GetValueKind() != JsonValueKind.String)
            throw PlanfixError.BadValue("Filter value must be {\"dateType\":\"otherDate_withTime\",\"dateFrom\":\"dd-MM-yyyy HH:mm\"}");
        return DateTime.TryParseExact(value["dateFrom"]!.GetValue<string>(), DateTimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at : throw PlanfixError.BadValue("Invalid date format, dd-MM-yyyy HH:mm expected");
    }
}
