using System.Text.Json.Nodes;

namespace Koppel.Infrastructure.Connectors.ExactOnline;

/// <summary>
/// The division's warehouses, read once per client (one call: a division has a handful) and shared by every
/// stream of the run that needs "the main warehouse" or a warehouse's Main flag.
/// </summary>
public sealed class ExactWarehouses(ExactOnlineClient exact)
{
    private Dictionary<string, JsonObject>? _byId;

    /// <summary>The id (lower case) of the warehouse Exact marks as main, or null when none is.</summary>
    public async Task<string?> MainIdAsync(CancellationToken ct) =>
        (await ByIdAsync(ct)).FirstOrDefault(w => IsMain(w.Value["Main"])).Key;

    /// <summary>
    /// An item's stock rows, each with its warehouse's Main flag copied in so a flow can pick "the main warehouse"
    /// without another lookup, and the problem of the first malformed row, if any.
    /// </summary>
    public async Task<(JsonArray Stock, string? Problem)> StockOfAsync(ExactRelatedRows rows, string item, CancellationToken ct)
    {
        var warehouses = await ByIdAsync(ct);
        var stock = new JsonArray();
        string? problem = null;
        foreach (var (level, rowProblem) in rows.For(item))
        {
            problem ??= rowProblem is null ? null : $"stock in warehouse {level["WarehouseCode"]}: {rowProblem}";
            level["Main"] = warehouses.TryGetValue(level["Warehouse"]?.ToString()?.ToLowerInvariant() ?? "", out var w) ? w["Main"]?.DeepClone() : null;
            stock.Add(level);
        }
        return (stock, problem);
    }

    private async Task<Dictionary<string, JsonObject>> ByIdAsync(CancellationToken ct)
    {
        if (_byId is not null) return _byId;
        var rows = await exact.AllAsync(exact.Url("inventory/Warehouses", ["ID", "Code", "Description", "Main"]), ct);
        return _byId = rows.Where(w => w["ID"] is not null).ToDictionary(w => w["ID"]!.ToString().ToLowerInvariant());
    }

    // Main is a 0/1 byte in Exact's reference; accept a boolean as well.
    private static bool IsMain(JsonNode? main) =>
        main is JsonValue v && (v.TryGetValue<int>(out var m) ? m == 1 : v.TryGetValue<bool>(out var b) && b);
}
