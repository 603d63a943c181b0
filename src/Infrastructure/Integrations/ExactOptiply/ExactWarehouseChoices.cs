using System.Text.Json.Nodes;
using Koppel.Infrastructure.Connectors.ExactOnline;

namespace Koppel.Infrastructure.Integrations.ExactOptiply;

/// <summary>The division's warehouses read live from Exact, for the warehouse options' pickers.</summary>
public static class ExactWarehouseChoices
{
    public static IReadOnlyDictionary<string, SettingChoices> ByPath { get; } = new Dictionary<string, SettingChoices>
    {
        ["warehouses.mainWarehouseId"] = ReadAsync,
        ["warehouses.subset"] = ReadAsync,
    };

    public static async Task<IReadOnlyList<SettingChoice>> ReadAsync(SettingChoiceContext context, CancellationToken ct)
    {
        var exact = ExactOnlineClient.Create(context);
        var rows = await exact.AllAsync(exact.Url("inventory/Warehouses", ["ID", "Code", "Description", "Main"]), ct);
        return rows
            .Where(w => Guid.TryParse(w["ID"]?.ToString(), out _))
            .OrderByDescending(IsMain).ThenBy(w => w["Code"]?.ToString(), StringComparer.OrdinalIgnoreCase)
            // Settings hold Guids, which JSON writes in lower case: the picker's values must match them.
            .Select(w => new SettingChoice(Guid.Parse(w["ID"]!.ToString()).ToString(), Label(w)))
            .ToList();
    }

    private static string Label(JsonObject warehouse)
    {
        var code = warehouse["Code"]?.ToString()?.Trim();
        var description = warehouse["Description"]?.ToString()?.Trim();
        var name = string.IsNullOrEmpty(description) ? code ?? "(no code)" : string.IsNullOrEmpty(code) ? description : $"{code} · {description}";
        return IsMain(warehouse) ? name + " (main)" : name;
    }

    // Exact answers Main as 1/0 in some versions and true/false in others.
    private static bool IsMain(JsonObject warehouse) => warehouse["Main"]?.ToString() is "1" or "true" or "True";
}
