using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>
/// Writes what the hub keeps on a Planfix order task (MoySklad ids, links, Errors), only the values that differ from
/// what the task held when it was read: a press or status event that changes nothing writes nothing (Planfix scenarios
/// may fire on every field change, and every write would fire them again).
/// </summary>
public static class TaskWriteBack
{
    public static async Task WriteAsync(PlanfixClient planfix, PlanfixFieldIds fields, int taskId, (string Field, string? Now, string Wanted)[] values, CancellationToken ct)
    {
        var changed = values.Where(v => (v.Now ?? "") != v.Wanted).Select(v => (JsonNode)fields.Write(v.Field, v.Wanted)).ToArray();
        if (changed.Length == 0) return;
        await planfix.PostAsync($"/task/{taskId}", new JsonObject { ["customFieldData"] = new JsonArray(changed) }, ct);
    }
}
