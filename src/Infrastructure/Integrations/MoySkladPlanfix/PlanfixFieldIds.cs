using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>
/// Planfix custom fields by name (task, contact or data tag fields), read once per run: the flows know fields by the
/// names issue 13 fixes, Planfix's API by account-specific ids. A field a flow needs but the account lacks stops the
/// run and names it.
/// </summary>
public sealed class PlanfixFieldIds(IReadOnlyDictionary<string, int> byName, string owner)
{
    public static async Task<PlanfixFieldIds> TaskAsync(PlanfixClient planfix, CancellationToken ct) =>
        From((await planfix.GetAsync("/customfield/task", ct))["customfields"], "order task");

    public static async Task<PlanfixFieldIds> ContactAsync(PlanfixClient planfix, CancellationToken ct) =>
        From((await planfix.GetAsync("/customfield/contact", ct))["customfields"], "contact");

    public static async Task<PlanfixFieldIds> DataTagAsync(PlanfixClient planfix, int dataTagId, CancellationToken ct)
    {
        if (dataTagId <= 0)
            throw new RunStopped("No Planfix data tag for the order lines is chosen. Set planfix.lineItemsDataTagId in the tenant's settings.");
        return From((await planfix.GetAsync($"/datatag/{dataTagId}", ct))["dataTag"]?["fields"], $"line-items data tag {dataTagId}");
    }

    private static PlanfixFieldIds From(JsonNode? fields, string owner)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in (fields as JsonArray ?? []).OfType<JsonObject>())
            if (field["name"]?.ToString() is { } name && field["id"] is { } id) byName.TryAdd(name, id.GetValue<int>());
        return new PlanfixFieldIds(byName, owner);
    }

    /// <summary>Stops the run naming the fields of <paramref name="names"/> the account lacks.</summary>
    public PlanfixFieldIds Require(IEnumerable<string> names)
    {
        var missing = names.Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            throw new RunStopped($"The Planfix {owner} lacks the field{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"\"{m}\""))}. Add them in Planfix, then press again.");
        return this;
    }

    public int this[string name] => byName[name];

    /// <summary>Whether the account has the field (for fields a flow uses when present).</summary>
    public bool Has(string name) => byName.ContainsKey(name);

    /// <summary>The <c>fields</c> parameter asking for these custom values next to the system fields.</summary>
    public string Ask(string system, params string[] names) => string.Join(',', new[] { system }.Concat(names.Select(n => byName[n].ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>The value of a field in an object's <c>customFieldData</c>.</summary>
    public JsonNode? ValueIn(JsonObject item, string name) =>
        (item["customFieldData"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(v => v["field"]?["id"]?.GetValue<int>() == byName[name])?["value"];

    /// <summary>A Line or Text field's value; null when the task has none or it is blank.</summary>
    public string? TextIn(JsonObject item, string name) =>
        ValueIn(item, name) is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    /// <summary>One <c>customFieldData</c> element writing <paramref name="value"/>.</summary>
    public JsonObject Write(string name, JsonNode? value) => new() { ["field"] = new JsonObject { ["id"] = byName[name] }, ["value"] = value };
}
