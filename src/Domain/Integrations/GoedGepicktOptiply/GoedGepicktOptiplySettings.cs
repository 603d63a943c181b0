namespace Koppel.Domain.Integrations.GoedGepicktOptiply;

/// <summary>The per-tenant options of the GoedGepickt to Optiply integration, with the seed's defaults.</summary>
public sealed class GoedGepicktOptiplySettings
{
    public ProductSchedule Products { get; set; } = new();
    public SupplierDefaults Suppliers { get; set; } = new();
    public BuyOrderExport BuyOrders { get; set; } = new();
    public SellOrderStart SellOrders { get; set; } = new();
}

/// <summary>When the nightly full product sync runs, as "HH:mm" in Europe/Amsterdam.</summary>
public sealed class ProductSchedule
{
    public string NightlyAt { get; set; } = "03:00";
}

/// <summary>What a GoedGepickt supplier's "Backorders toestaan" = "use company setting" means, and the threshold sent along.</summary>
public sealed class SupplierDefaults
{
    public bool BackordersWhenDefault { get; set; }
    /// <summary>The seed: "Backorders drempel (standaard 0)".</summary>
    public int BackorderThreshold { get; set; }
}

/// <summary>New Optiply buy orders become GoedGepickt purchase orders, every <see cref="IntervalMinutes"/> minutes.</summary>
public sealed class BuyOrderExport
{
    public bool ToGoedGepickt { get; set; } = true;
    public int IntervalMinutes { get; set; } = 30;
}

/// <summary>Orders created before <see cref="Since"/> (a date in Europe/Amsterdam) are never sent; empty = the day the tenant was created.</summary>
public sealed class SellOrderStart
{
    public DateOnly? Since { get; set; }
}
