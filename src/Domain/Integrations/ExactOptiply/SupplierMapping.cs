using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>The seed's "Suppliers" table (Optiply field from Exact Online account) as the flow's default mapping.</summary>
public static class SupplierMapping
{
    public static FieldMapping Default { get; } = FieldMapping.Of(
            ("name", Trim(Copy("Name"))),
            // (*2) optional, off by default: the checked address (see CheckSupplierEmail), or none.
            ("emails", Copy("Emails")),
            // (*3) optional, off by default: PurchaseLeadDays within Optiply's 1-365 days (see SupplierDeliveryTime).
            ("deliveryTime", Copy("DeliveryTime")))
        .WithEnabled("emails", false)
        .WithEnabled("deliveryTime", false);
}
