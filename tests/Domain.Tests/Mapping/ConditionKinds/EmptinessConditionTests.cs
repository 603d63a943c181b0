using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.ConditionKinds;

public class EmptinessConditionTests
{
    [Theory]
    [InlineData("""{"deliveryTime":null}""")]
    [InlineData("""{"deliveryTime":""}""")]
    [InlineData("""{"deliveryTime":"   "}""")]
    [InlineData("""{"deliveryTime":[]}""")]
    [InlineData("""{}""")]
    public void Null_blank_empty_and_missing_values_are_empty(string json)
    {
        // Seed: "If deliveryTime is not defined (null or empty) ..."
        Assert.True(Map.Test(Cond.IsEmpty(Rules.Copy("deliveryTime")), Map.Source(json)));
    }

    [Theory]
    [InlineData("""{"deliveryTime":0}""")]
    [InlineData("""{"deliveryTime":false}""")]
    [InlineData("""{"deliveryTime":"5"}""")]
    public void Zero_false_and_text_are_values_not_empty(string json)
    {
        Assert.True(Map.Test(Cond.IsNotEmpty(Rules.Copy("deliveryTime")), Map.Source(json)));
    }
}
