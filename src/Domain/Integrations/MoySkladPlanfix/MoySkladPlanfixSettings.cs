namespace Koppel.Domain.Integrations.MoySkladPlanfix;

/// <summary>The per-tenant options of the MoySklad ↔ Planfix integration (issue contract), with the seed's defaults.</summary>
public sealed class MoySkladPlanfixSettings
{
    public PlanfixObjects Planfix { get; set; } = new();
    public ProductOptions Products { get; set; } = new();
    /// <summary>Hours between reconciliations of products and stock ("every few hours", default 3).</summary>
    public int ReconcileHours { get; set; } = 3;
    public OrderOptions Orders { get; set; } = new();
    public StatusOptions Shipments { get; set; } = new();
    public StatusOptions Returns { get; set; } = new();
    public CounterpartyOptions Counterparties { get; set; } = new();
}

/// <summary>Which Planfix objects the hub works with (0 = not chosen yet).</summary>
public sealed class PlanfixObjects
{
    public int OrderTemplateId { get; set; }
    public int ProductDirectoryId { get; set; }
    public int ContactTemplateId { get; set; }
    public int LineItemsDataTagId { get; set; }
}

public sealed class ProductOptions
{
    /// <summary>MoySklad sale price types sent to Planfix, each to the directory field of the same name, in roubles.</summary>
    public List<string> PriceTypes { get; set; } = [ProductFields.DefaultPriceType];
    /// <summary>MoySklad attribute name -> Planfix directory field name.</summary>
    public Dictionary<string, string> ExtraFields { get; set; } = [];
}

public sealed class OrderOptions
{
    public Guid? OrganizationId { get; set; }
    public Guid? StoreId { get; set; }
}

public sealed class StatusOptions
{
    public List<int> AtStatuses { get; set; } = [];
}

public sealed class CounterpartyOptions
{
    /// <summary>MoySklad attribute name -> Planfix contact field name.</summary>
    public Dictionary<string, string> ExtraFields { get; set; } = [];
}
