namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>The per-tenant options of the Exact Online to Optiply integration, with the seed's defaults.</summary>
public sealed class ExactOptiplySettings
{
    public WarehouseSettings Warehouses { get; set; } = new();
    public ProductSettings Products { get; set; } = new();
    public CompositionSettings Compositions { get; set; } = new();
    public SupplierSettings Suppliers { get; set; } = new();
    public SupplierProductSettings SupplierProducts { get; set; } = new();
    public SellOrderSettings SellOrders { get; set; } = new();
    public BuyOrderSettings BuyOrders { get; set; } = new();
}

public enum WarehouseMode { Main, Subset, All }

/// <summary>Which warehouses count for stock, sell orders and buy orders. Default: only the main one.</summary>
public sealed class WarehouseSettings
{
    public WarehouseMode Mode { get; set; } = WarehouseMode.Main;
    /// <summary>The main warehouse; when empty, the one Exact marks as main.</summary>
    public Guid? MainWarehouseId { get; set; }
    public List<Guid> Subset { get; set; } = [];

    /// <summary>True when "the main warehouse" is whichever one Exact marks as main, so it has to be read.</summary>
    public bool FollowsExactMain => Mode == WarehouseMode.Main && MainWarehouseId is null;
}

public enum AssembledFrom { IsMakeItem, Compositions }

public sealed class ProductSettings
{
    public bool MapStockLevel { get; set; } = true;
    public bool MapStatus { get; set; } = true;
    public AssembledFrom AssembledFrom { get; set; } = AssembledFrom.IsMakeItem;
}

public sealed class CompositionSettings
{
    /// <summary>Divide a part's quantity by the batch size when a bill of material makes more than one.</summary>
    public bool ScalePartQuantityByBatch { get; set; }
}

public sealed class SupplierSettings
{
    public bool MapEmail { get; set; }
    public bool MapDeliveryTime { get; set; }
}

public sealed class SupplierProductSettings
{
    public bool MapLotSize { get; set; }
    public bool MapMinimumPurchaseQuantity { get; set; }
    public bool MapDeliveryTime { get; set; }
    public bool MapPreferred { get; set; } = true;
}

/// <summary>Whether a sell-order source is synced, and if so all its orders or only completed ones.</summary>
public enum SourceFilter { All, Completed, Off }

public sealed class SellOrderSettings
{
    public SourceFilter SalesOrders { get; set; } = SourceFilter.All;
    public SourceFilter SalesInvoices { get; set; } = SourceFilter.Off;
    public SourceFilter ProductionOrders { get; set; } = SourceFilter.Off;
}

/// <summary>
/// What ReceiptDate a buy order sent to Exact gets when its supplier has no delivery time. The seed says
/// both "the next working day" and "the sync time itself"; the tenant chooses, next working day by default.
/// </summary>
public enum ReceiptDateRule { NextWorkingDay, SyncTime }

public sealed class BuyOrderSettings
{
    public bool ToExact { get; set; } = true;
    public bool UseLot { get; set; }
    public ReceiptDateRule ReceiptDateWithoutDeliveryTime { get; set; } = ReceiptDateRule.NextWorkingDay;
    /// <summary>Buy-order deletions are synced only for orders created on or after this date (the integration's start).</summary>
    public DateOnly DeletionsSince { get; set; } = new(2023, 11, 20);
}
