namespace Koppel.Domain.Integrations.MoySkladPlanfix;

/// <summary>
/// The Planfix fields the order buttons read and write (issue 13's fixed names): on the order task, on the contact
/// template, and in the line-items data tag.
/// </summary>
public static class OrderFields
{
    public const string Reserve = "Reserve in MoySklad";
    public const string OrderLink = "MoySklad order";
    public const string OrderId = "MoySklad order id";
    public const string Errors = "Errors";
    /// <summary>A List field of the MoySklad organisations' names: the order's organisation (the settings' one when empty).</summary>
    public const string Organisation = "Organisation";
    /// <summary>An Employee field: the order's owner in MoySklad, the employee with the same e-mail.</summary>
    public const string Manager = "Manager";
    /// <summary>Payload keys: the organisation's name, and the manager as <c>{"id": "user:N", "email"}</c>, as the task names them.</summary>
    public const string OrganisationKey = "organisation";
    public const string ManagerKey = "manager";
    public const string ShipmentLink = "MoySklad shipment";
    public const string ShipmentId = "MoySklad shipment id";
    public const string ReturnLink = "MoySklad return";
    public const string ReturnId = "MoySklad return id";
    public const string InvoiceLink = "MoySklad invoice";
    public const string InvoiceId = "MoySklad invoice id";
    /// <summary>A List field: the file the invoice is printed as.</summary>
    public const string InvoiceFormat = "Invoice format";
    public static readonly string[] InvoiceFormats = ["xls", "pdf"];

    /// <summary>The print format a task asks for: its Invoice format, pdf when none is chosen.</summary>
    public static string FormatOf(string? chosen) =>
        InvoiceFormats.FirstOrDefault(f => string.Equals(f, chosen?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "pdf";

    /// <summary>The contact's field holding its MoySklad counterparty id.</summary>
    public const string ContactMoySkladId = "MoySklad id";

    public const string LineProduct = "Product";
    public const string LineQuantity = "Quantity";
    public const string LinePrice = "Price";

    /// <summary>Task fields the orders flow cannot work without.</summary>
    public static readonly string[] TaskRequired = [Reserve, OrderLink, OrderId, Errors];
    public static readonly string[] LineRequired = [LineProduct, LineQuantity, LinePrice];

    /// <summary>Planfix keeps prices in roubles, MoySklad in kopecks.</summary>
    public static decimal Kopecks(decimal roubles) => Math.Round(roubles * 100, 0, MidpointRounding.AwayFromZero);

    /// <summary>E-mail and phone are compared as exact strings after trimming (issue 13); blank is no value.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
