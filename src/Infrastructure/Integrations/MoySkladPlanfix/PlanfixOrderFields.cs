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
    // Planfix field types: 0 Line, 2 Text, 7 Checkbox, 8 List, 11 Employee.
    private static readonly (string Name, int Type)[] TaskFields =
        [
            (OrderFields.Reserve, 7), (OrderFields.OrderLink, 0), (OrderFields.OrderId, 0), (OrderFields.Errors, 2),
            (OrderFields.ShipmentLink, 0), (OrderFields.ShipmentId, 0), (OrderFields.ReturnLink, 0), (OrderFields.ReturnId, 0),
            (OrderFields.InvoiceLink, 0), (OrderFields.InvoiceId, 0), (OrderFields.InvoiceFormat, 8), (OrderFields.Manager, 11),
        ];

    // A saved connection and the worker's periodic check may prepare the same account at once; one at a time, or both
    // would see a field missing and create it twice (within one hub process; rare enough across nodes to accept).
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Names of the fields it created (none when all were there).</summary>
    /// <param name="organisations">
    /// The MoySklad organisations' names, the values of the Organisation list; null while MoySklad cannot be read (the
    /// field is then created at a later check).
    /// </param>
    public static async Task<List<string>> EnsureAsync(PlanfixClient planfix, IReadOnlyList<string>? organisations, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            var created = new List<string>();
            (string Name, int Type)[] wanted = organisations is { Count: > 0 } ? [.. TaskFields, (OrderFields.Organisation, 8)] : TaskFields;
            await EnsureAsync(planfix, "task", wanted, created, organisations ?? [], ct);
            await EnsureAsync(planfix, "contact", [(OrderFields.ContactMoySkladId, 0)], created, [], ct);
            return created;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task EnsureAsync(PlanfixClient planfix, string objectType, (string Name, int Type)[] wanted, List<string> created,
        IReadOnlyList<string> organisations, CancellationToken ct)
    {
        var present = ((await planfix.GetAsync($"/customfield/{objectType}", ct))["customfields"] as JsonArray ?? [])
            .Select(f => f?["name"]?.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, type) in wanted.Where(w => !present.Contains(w.Name)))
        {
            var field = new JsonObject { ["name"] = name, ["type"] = type };
            if (name == OrderFields.InvoiceFormat) field["enumValues"] = new JsonArray(OrderFields.InvoiceFormats.Select(f => (JsonNode)f).ToArray());
            if (name == OrderFields.Organisation) field["enumValues"] = new JsonArray(organisations.Select(o => (JsonNode)o).ToArray());
            await planfix.PostAsync($"/customfield/{objectType}/", field, ct);
            created.Add($"{objectType} \"{name}\"");
        }
    }
}
