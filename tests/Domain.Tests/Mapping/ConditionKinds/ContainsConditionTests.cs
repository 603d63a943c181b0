using Koppel.Domain.Mapping;

namespace Koppel.Domain.Tests.Mapping.ConditionKinds;

public class ContainsConditionTests
{
    [Fact]
    public void Text_contains_a_part_case_sensitively_by_default()
    {
        Assert.True(Map.Test(Cond.Contains(Rules.Copy("Description"), "1kg"), ExactSamples.Item()));
        Assert.False(Map.Test(Cond.Contains(Rules.Copy("Description"), "1KG"), ExactSamples.Item()));
    }

    [Fact]
    public void Text_contains_a_part_ignoring_case_when_asked()
    {
        Assert.True(Map.Test(Cond.Contains(Rules.Copy("Description"), "KOFFIE", ignoreCase: true), ExactSamples.Item()));
    }

    [Fact]
    public void An_array_contains_an_equal_element()
    {
        var source = Map.Source("""{"Warehouses":[1,2,3]}""");

        Assert.True(Map.Test(Cond.Contains(Rules.Copy("Warehouses"), 2), source));
        Assert.False(Map.Test(Cond.Contains(Rules.Copy("Warehouses"), 4), source));
    }

    [Fact]
    public void Nothing_contains_an_empty_value()
    {
        Assert.False(Map.Test(Cond.Contains(Rules.Copy("Description"), ""), ExactSamples.Item()));
    }
}
