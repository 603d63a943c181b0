using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.MoySkladPlanfix;

/// <summary>The seed's product fields as the products flow's default mapping (after <see cref="FlattenProduct"/>).</summary>
public static class ProductMapping
{
    public static FieldMapping Default { get; } = FieldMapping.Of(
        ("name", Copy("name")),
        ("code", Copy("code")),
        ("article", Copy("article")),
        ("unit", Copy("unit")),
        ("stock", Copy("stock")),
        ("available", Copy("available")),
        ("reserve", Copy("reserve")),
        ("externalCode", Copy("externalCode")),
        (ProductFields.Archived, Copy(ProductFields.Archived)),
        (ProductFields.Prices, Copy(ProductFields.Prices)),
        (ProductFields.Extra, Copy(ProductFields.Extra)));
}

/// <summary>The stocks flow writes only the three stock figures.</summary>
public static class StockMapping
{
    public static FieldMapping Default { get; } = FieldMapping.Of(
        ("stock", Copy("stock")),
        ("available", Copy("quantity")),
        ("reserve", Copy("reserve")));
}

/// <summary>The orders flow sends the task's counterparty, reserve flag and lines as read (see the orders stream).</summary>
public static class OrderMapping
{
    public static FieldMapping Default { get; } = FieldMapping.Of(
        ("contact", Copy("contact")),
        ("reserve", Copy("reserve")),
        ("positions", Copy("positions")),
        (OrderFields.OrganisationKey, Copy(OrderFields.OrganisationKey)),
        (OrderFields.ManagerKey, Copy(OrderFields.ManagerKey)));
}

/// <summary>The invoice button sends the order (made first when the task has none) and the chosen print format.</summary>
public static class InvoiceMapping
{
    public const string Format = "format";

    public static FieldMapping Default { get; } = FieldMapping.Of(
        ("contact", Copy("contact")),
        ("reserve", Copy("reserve")),
        ("positions", Copy("positions")),
        (OrderFields.OrganisationKey, Copy(OrderFields.OrganisationKey)),
        (OrderFields.ManagerKey, Copy(OrderFields.ManagerKey)),
        (Format, Copy(Format)));
}

/// <summary>
/// Shipments and returns send nothing the tenant could map: the MoySklad template fills the document from its basis.
/// The payload names the basis document, so the change check sees a new basis as a change.
/// </summary>
public static class BasisMapping
{
    public const string Basis = "basisId";

    public static FieldMapping Default { get; } = FieldMapping.Of((Basis, Copy(Basis)));
}
