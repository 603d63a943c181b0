namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>The warehouses a tenant's stock and orders are taken from, resolved against the division's warehouses.</summary>
public sealed class WarehouseScope
{
    private readonly HashSet<Guid>? _ids;

    private WarehouseScope(HashSet<Guid>? ids) => _ids = ids;

    public static WarehouseScope All { get; } = new(null);

    /// <param name="divisionMain">The warehouse Exact marks as main, used when the settings name none.</param>
    public static WarehouseScope From(WarehouseSettings settings, Guid? divisionMain) => settings.Mode switch
    {
        WarehouseMode.All => All,
        WarehouseMode.Subset => new WarehouseScope([.. settings.Subset]),
        _ => new WarehouseScope((settings.MainWarehouseId ?? divisionMain) is { } main ? [main] : []),
    };

    public bool Includes(Guid warehouse) => _ids is null || _ids.Contains(warehouse);

    /// <summary>A record with no warehouse (Exact leaves it empty on some documents) counts as the main one only in "all" mode.</summary>
    public bool Includes(Guid? warehouse) => warehouse is { } w ? Includes(w) : _ids is null;
}
