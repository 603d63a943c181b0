using System.Text.Json.Nodes;
using Koppel.Domain.Integrations.MoySkladPlanfix;
using Koppel.Infrastructure.Connectors.Planfix;

namespace Koppel.Infrastructure.Integrations.MoySkladPlanfix;

/// <summary>
/// The Planfix fields the order button writes, created when the account lacks them (issue 13: "on connecting, the hub
/// makes sure ... creating the missing ones"). Unlike directory fields, Planfix's API can create task and contact fields.
/// </summary>
public static class PlanfixOrderFields
{
    // Planfix field types: 0 Line, 2 Text, 7 Checkbox, 8 List.
    private static readonly (string Name, int Type)[] TaskFields =
        [
            (OrderFields.Reserve, 7), (OrderFields.OrderLink, 0), (OrderFields.OrderId, 0), (OrderFields.Errors, 2),
            (OrderFields.ShipmentLink, 0), (OrderFields.ShipmentId, 0), (OrderFields.ReturnLink, 0), (OrderFields.ReturnId, 0),
            (OrderFields.InvoiceLink, 0), (OrderFields.InvoiceId, 0), (OrderFields.InvoiceFormat, 8),
        ];

    // A saved connection and the worker's periodic check may prepare the same account at once; one at a time, or both
    // would see a field missing and create it twice (within one hub process; rare enough across nodes to accept).
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Names of the fields it created (none when all were there).</summary>
    public static async Task<List<string>> EnsureAsync(PlanfixClient planfix, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            var created = new List<string>();
            await EnsureAsync(planfix, "task", TaskFields, created, ct);
            await EnsureAsync(planfix, "contact", [(OrderFields.ContactMoySkladId, 0)], created, ct);
            return created;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task EnsureAsync(PlanfixClient planfix, string objectType, (string Name, int Type)[] wanted, List<string> created, CancellationToken ct)
    {
        var present = ((await planfix.GetAsync($"/customfield/{objectType}", ct))["customfields"] as JsonArray ?? [])
            .Select(f => f?["name"]?.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, type) in wanted.Where(w => !present.Contains(w.Name)))
        {
            var field = new JsonObject { ["name"] = name, ["type"] = type };
            if (name == OrderFields.InvoiceFormat) field["enumValues"] = new JsonArray(OrderFields.InvoiceFormats.Select(f => (JsonNode)f).ToArray());
            await planfix.PostAsync($"/customfield/{objectType}/", field, ct);
            created.Add($"{objectType} \"{name}\"");
        }
    }
}
