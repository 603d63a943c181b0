namespace Koppel.Domain.Integrations.WebshopsOkos;

/// <summary>The per-tenant options of the webshops to Okos-Ügyvitel integration, per webshop key.</summary>
public sealed class WebshopsOkosSettings
{
    public Dictionary<string, WebshopSettings> Webshops { get; set; } = [];
    public OrderSettings Orders { get; set; } = new();
}

public enum OrderStatuses { All, Invoiceable }

/// <summary>One webshop's options: its numbering sequence, the warehouse its orders draw from, what flows back.</summary>
public sealed class WebshopSettings
{
    public string NumberingSequence { get; set; } = "";
    public string WarehouseId { get; set; } = "";
    /// <summary>The ERP warehouses whose free stock is summed into the shop's quantity.</summary>
    public List<string> StockWarehouses { get; set; } = [];
    public bool PushStock { get; set; } = true;
    public bool PushPrices { get; set; } = true;
    /// <summary>UNAS only: every new order, or only those that reached an invoiceable status.</summary>
    public OrderStatuses OrderStatuses { get; set; } = OrderStatuses.All;
    /// <summary>Older orders are never imported; default the day the webshop was added.</summary>
    public DateOnly? OrdersSince { get; set; }
}

public sealed class OrderSettings
{
    public int IntervalMinutes { get; set; } = 5;
}
