using Koppel.Domain.Mapping;
using Koppel.Infrastructure.Integrations.ExactOptiply.Suppliers;
using Koppel.Infrastructure.Integrations.ExactOptiply;

namespace Koppel.Infrastructure.Tests.Integrations.ExactOptiply;

/// <summary>The shipped default mappings fit the types and ranges their flows declare for the target fields.</summary>
public class DefaultMappingTypeTests
{
    public static TheoryData<string> Flows() => new(ExactOptiplyIntegration.Definition.Flows.Select(f => f.Key));

    [Theory]
    [MemberData(nameof(Flows))]
    public void The_default_mapping_passes_the_typed_check(string key)
    {
        var flow = ExactOptiplyIntegration.Definition.Flow(key)!;

        var errors = new FieldMappingValidator(flow.TargetTypes).Validate(flow.DefaultMapping).Errors;

        Assert.Empty(errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
    }

    [Fact]
    public void Optiply_supplier_delivery_time_is_declared_as_1_to_365()
    {
        var deliveryTime = SuppliersFlow.Definition.TargetTypes.Single(t => t.Name == "deliveryTime");

        Assert.Equal((1m, 365m), (deliveryTime.Min, deliveryTime.Max));
    }
}
