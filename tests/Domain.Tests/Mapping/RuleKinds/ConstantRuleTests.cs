using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.RuleKinds;

public class ConstantRuleTests
{
    [Fact]
    public void A_text_constant_gives_the_supplier_products_default_status_enabled()
    {
        Assert.Equal("\"enabled\"", Map.Json(Rules.Const("enabled"), ExactSamples.SupplierItem()));
    }

    [Fact]
    public void A_number_constant_gives_the_production_orders_totalValue_of_0()
    {
        Assert.Equal("0", Map.Json(Rules.Const(0), Map.Source("{}")));
    }

    [Fact]
    public void Boolean_and_null_constants_are_kept()
    {
        Assert.Equal("false", Map.Json(Rules.Const(false), Map.Source("{}")));
        Assert.Equal("null", Map.Json(Rules.Null(), Map.Source("{}")));
    }

    [Fact]
    public void The_same_constant_can_fill_several_fields_of_one_payload()
    {
        var shared = Rules.Const("enabled");
        var mapping = FieldMapping.Of(("status", shared), ("copy.status", shared));

        var result = MappingEngine.Apply(mapping, Map.Source("{}"));

        Assert.Equal("""{"status":"enabled","copy":{"status":"enabled"}}""", result.Payload.ToJsonString());
    }
}
