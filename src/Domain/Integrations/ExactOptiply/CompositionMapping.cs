using Koppel.Domain.Mapping;
using static Koppel.Domain.Mapping.Rules;

namespace Koppel.Domain.Integrations.ExactOptiply;

/// <summary>The seed's "Product Compositions" table (Optiply field from an Exact bill-of-material line) as the default mapping.</summary>
public static class CompositionMapping
{
    public static FieldMapping Default { get; } = FieldMapping.Of(
        // The Optiply products of the bill's item and of the line's part, found through what the products flow synced.
        ("composedProductId", Copy("OptiplyComposedProductId")),
        ("partProductId", Copy("OptiplyPartProductId")),
        // (*1) the line's quantity per batch, or per composed product when the tenant scales it (see PartQuantity).
        ("partQuantity", Copy("PartQuantity")));
}
